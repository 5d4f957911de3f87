using ComplaintDesk.Web.Tests.Api;
using System.Net;
using System.Text;
using System.Text.Json;
using ComplaintDesk.Web.Features.Reports;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ComplaintDesk.Web.Tests.Reports;

/// <summary>The report page, its exports and the report API, as managers, supervisors and clerks see them.</summary>
public sealed class MonthlyReportPageTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    [Fact]
    public async Task Page_Manager_ShowsFiguresChartsAndExportLinks()
    {
        var client = await fixture.ClientAsync("manager");

        var html = await client.GetPageAsync("/Reports/Monthly?month=2026-10");

        Assert.Contains("投诉月报 <span class=\"text-nowrap\">2026-10</span>", html);
        Assert.Contains("<tr data-figure=\"received\">", html);
        Assert.Matches("data-figure=\"received\">\\s*<th[^>]*>受理投诉</th>\\s*<td class=\"text-end\" data-value=\"current\">8</td>\\s*<td class=\"text-end\" data-value=\"previous\">1</td>", html);
        Assert.Matches("data-figure=\"satisfactionRate\">\\s*<th[^>]*>满意率</th>\\s*<td class=\"text-end\" data-value=\"current\">75.0%</td>", html);
        foreach (var id in new[] { "chart-trend", "chart-rates", "chart-types", "chart-severity", "chart-topics", "export-xlsx", "export-complaints-xlsx", "export-complaints-csv", "report-data" })
        {
            Assert.Contains($"id=\"{id}\"", html);
        }

        Assert.Contains($"href=\"/Complaints/{fixture.MajorId}\"", html);
        Assert.Contains("<label for=\"Month\"", html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("style=\"", html);
    }

    [Fact]
    public async Task Page_BadMonth_ShowsMessageAndCurrentMonth()
    {
        var client = await fixture.ClientAsync("manager");

        var html = await client.GetPageAsync("/Reports/Monthly?month=2026-13&projectId=abc");

        Assert.Contains("月份格式不正确", html);
        Assert.Contains("物业项目无效", html);
        Assert.Contains("value=\"2026-11\"", html);
    }

    [Fact]
    public async Task Page_Clerk_IsDenied()
    {
        var client = await fixture.ClientAsync("clerk");

        var response = await client.GetAsync("/Reports/Monthly?month=2026-10");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Api_Clerk_Answers403()
    {
        using var client = await ApiTestClient.ForAsync(fixture.App, "clerk");

        var response = await client.GetAsync("/api/v1/reports/monthly?month=2026-10");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Api_Manager_ReturnsTheSameFiguresAsJson()
    {
        using var client = await ApiTestClient.ForAsync(fixture.App, "manager");

        var response = await client.GetAsync("/api/v1/reports/monthly?month=2026-10");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var current = json.RootElement.GetProperty("current");
        Assert.Equal(8, current.GetProperty("received").GetInt32());
        Assert.Equal(0.75, current.GetProperty("satisfactionRate").GetDouble());
        Assert.Equal(12, json.RootElement.GetProperty("trend").GetArrayLength());
    }

    [Fact]
    public async Task Api_BadMonth_Answers400()
    {
        using var client = await ApiTestClient.ForAsync(fixture.App, "manager");

        var response = await client.GetAsync("/api/v1/reports/monthly?month=nope");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Api_SupervisorAskingForAnotherProject_Answers404()
    {
        using var client = await ApiTestClient.ForAsync(fixture.App, "supervisor");

        var response = await client.GetAsync($"/api/v1/reports/monthly?month=2026-10&projectId={fixture.Project3}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Page_Supervisor_SeesOnlyTheirProjects()
    {
        var client = await fixture.ClientAsync("supervisor");

        var html = await client.GetPageAsync($"/Reports/Monthly?month=2026-10&projectId={fixture.Project3}");

        Assert.Contains("您无权查看该物业项目", html);
        Assert.Matches("data-figure=\"received\">\\s*<th[^>]*>受理投诉</th>\\s*<td class=\"text-end\" data-value=\"current\">7</td>", html);
        Assert.DoesNotContain("金域华府", html);
    }

    [Fact]
    public async Task ReportXlsx_Manager_HoldsTheSameNumbersAsNumbers()
    {
        var client = await fixture.ClientAsync("manager");

        var response = await client.GetAsync("/Reports/Monthly?handler=Xlsx&month=2026-10");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx.ContentType, response.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheets = Sheets(document);
        Assert.Contains("按项目", sheets.Keys);
        Assert.Contains("12个月趋势", sheets.Keys);

        var summary = sheets["概要"];
        var received = Row(summary, "受理投诉");
        Assert.All(received.Skip(1).Take(3), c => Assert.Equal(CellValues.Number, c.DataType!.Value));
        Assert.Equal(["8", "1", "1", "7", "7"], received.Skip(1).Select(c => c.CellValue!.Text));
        var rate = Row(summary, "满意率")[1];
        Assert.Equal(0.75, double.Parse(rate.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Xlsx.Percent, rate.StyleIndex!.Value);

        var projects = sheets["按项目"];
        Assert.Equal("4", Row(projects, "阳光花园")[1].CellValue!.Text);
    }

    [Fact]
    public async Task ReportXlsx_August2025_HoldsTheFiguresAtTheCut()
    {
        var client = await fixture.ClientAsync("manager");

        var response = await client.GetAsync("/Reports/Monthly?handler=Xlsx&month=2025-08");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var summary = Sheets(document)["概要"];

        // The answers of MonthlyReportQueriesTests.Build_August2025_…: on hold, withdrawn, resolved late and reopened after the cut.
        Assert.Equal("5", Row(summary, "受理投诉")[1].CellValue!.Text);
        Assert.Equal("4", Row(summary, "月末未办结")[1].CellValue!.Text);
        Assert.Equal("3", Row(summary, "月末超时未办结")[1].CellValue!.Text);
        Assert.Equal("1", Row(summary, "月内结案（本月受理中）")[1].CellValue!.Text);
        Assert.Equal(0.2, double.Parse(Row(summary, "结案率")[1].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0", Row(summary, "本月处理完成")[1].CellValue!.Text);
    }

    [Fact]
    public async Task ComplaintsCsv_Manager_IsUtf8WithBomAndMasksPhones()
    {
        var client = await fixture.ClientAsync("manager");

        var response = await client.GetAsync("/Reports/Monthly?handler=ComplaintsCsv&month=2026-10");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(9, lines.Length);
        Assert.StartsWith("投诉编号,登记时间", lines[0]);
        Assert.Contains("138****1234", text);
        Assert.DoesNotContain("13812341234", text);
        // Text that a spreadsheet would run as a formula is defused, and commas and quotes are quoted.
        Assert.Contains("\"'=电梯停运, \"\"两天\"\"无人处理\"", text);
        Assert.Contains("2026-10-31 23:59", text);
        Assert.DoesNotContain("2026-11-01 00:00", text);
    }

    [Fact]
    public async Task ComplaintsXlsx_Supervisor_OpensWithTheirProjectsOnly()
    {
        var client = await fixture.ClientAsync("supervisor");

        var response = await client.GetAsync("/Reports/Monthly?handler=ComplaintsXlsx&month=2026-10");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var rows = Sheets(document).Single().Value;
        Assert.Equal(8, rows.Count);
        Assert.All(rows.Skip(1), r => Assert.Equal("138****1234", Text(r[7])));
        Assert.All(rows.Skip(1), r => Assert.Equal(CellValues.Number, r[1].DataType!.Value));
        Assert.DoesNotContain(rows, r => Text(r[2]) == "金域华府");
    }

    private static Dictionary<string, List<List<Cell>>> Sheets(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart!;
        return workbook.Workbook.Sheets!.Elements<Sheet>().ToDictionary(
            s => s.Name!.Value!,
            s => ((WorksheetPart)workbook.GetPartById(s.Id!.Value!)).Worksheet.Descendants<Row>()
                .Select(r => r.Elements<Cell>().ToList()).ToList());
    }

    private static List<Cell> Row(List<List<Cell>> rows, string label) => rows.Single(r => r.Count > 0 && Text(r[0]) == label);

    private static string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? string.Empty;
}
