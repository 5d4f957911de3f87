using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Web.Features.Reports;
using ComplaintDesk.Web.Tests.Complaints;
using ComplaintDesk.Web.Tests.Api;
using ComplaintDesk.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using XlsxText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace ComplaintDesk.Web.Tests.Security;

/// <summary>Control characters, bidi overrides and characters outside the BMP, on the way in and in every export.</summary>
public sealed class TextInputTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    /// <summary>U+20000.. (CJK Extension B): one character, two UTF-16 units each.</summary>
    private static readonly string _extensionB = string.Concat(Enumerable.Range(0x20000, 26).Select(char.ConvertFromUtf32));

    [Fact]
    public async Task Register_ApiTextWithControlCharacters_StoresThemWithoutControlsButKeepsLineBreaks()
    {
        using var clerk = await fixture.ClientAsync("clerk");

        var id = await clerk.RegisterAsync(b =>
        {
            b["content"] = "第一行\u000B第二行\u001B[31m\r\n第三行\t制表";
            b["complainantName"] = "王\u0007女士";
        });

        var (content, name) = await fixture.App.WithDbAsync(db => db.Complaints.Where(c => c.Id == id)
            .Select(c => new ValueTuple<string, string>(c.Content, c.ComplainantName)).SingleAsync());
        Assert.Equal("第一行第二行[31m\r\n第三行\t制表", content);
        Assert.Equal("王女士", name);
    }

    [Fact]
    public async Task Register_PageTextWithControlCharacter_StoresItWithout()
    {
        using var clerk = await fixture.App.SignInAsync("clerk");

        var id = await Desk.RegisterAsync(clerk, ("Content", "电梯\u000B停运两天"));

        var content = await fixture.App.WithDbAsync(db => db.Complaints.Where(c => c.Id == id).Select(c => c.Content).SingleAsync());
        Assert.Equal("电梯停运两天", content);
    }

    [Fact]
    public async Task Register_TwentySixExtensionBCharacters_FitTheFiftyCharacterName()
    {
        using var clerk = await fixture.ClientAsync("clerk");
        Assert.Equal(52, _extensionB.Length);

        var id = await clerk.RegisterAsync(b => b["complainantName"] = _extensionB);

        Assert.Equal(_extensionB, await fixture.App.WithDbAsync(db => db.Complaints.Where(c => c.Id == id).Select(c => c.ComplainantName).SingleAsync()));
    }

    [Fact]
    public async Task Register_FiftyOneCharacters_IsRefusedInCharacters()
    {
        using var clerk = await fixture.ClientAsync("clerk");

        var response = await clerk.PostRawAsync("/api/v1/complaints", ApiTestClient.Registration(b => b["complainantName"] = _extensionB + _extensionB).ToJsonString());

        var problem = await ApiTestClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("不能超过 50 个字", problem["errors"]!["complainantName"]![0]!.GetValue<string>());
    }

    [Fact]
    public void ColumnWidths_TextColumns_HoldTheirLimitInUtf16UnitsOnSqlServer()
    {
        // nvarchar(n) counts UTF-16 units: a 50-character name of Extension B characters needs nvarchar(100).
        var options = new DbContextOptionsBuilder<ComplaintDeskDbContext>();
        DataServiceCollectionExtensions.Configure(options, DatabaseProvider.SqlServer, "Server=localhost;Database=ComplaintDesk;User Id=sa;Password=Not-Used-1;TrustServerCertificate=True");
        using var db = new ComplaintDeskDbContext(options.Options);
        var model = db.GetService<IDesignTimeModel>().Model;
        string Column<T>(string property) => model.FindEntityType(typeof(T))?.FindProperty(property)?.GetColumnType() ?? "missing";

        Assert.Equal("nvarchar(100)", Column<Complaint>(nameof(Complaint.ComplainantName)));
        Assert.Equal("nvarchar(max)", Column<Complaint>(nameof(Complaint.Content)));
        Assert.Equal("nvarchar(4000)", Column<Complaint>(nameof(Complaint.Resolution)));
        Assert.Equal("nvarchar(100)", Column<Topic>(nameof(Topic.Name)));
        Assert.Equal("nvarchar(200)", Column<Project>(nameof(Project.Name)));
        Assert.Equal("nvarchar(400)", Column<Attachment>(nameof(Attachment.FileName)));
        Assert.Equal("nvarchar(100)", Column<StaffUser>(nameof(StaffUser.DisplayName)));
        Assert.Equal("nvarchar(200)", Column<Incident>(nameof(Incident.Name)));
    }

    [Theory]
    [InlineData("发票\u202Efdp.exe")]
    [InlineData("照片\u2066.png")]
    public async Task Upload_FileNameWithBidiControl_IsRefusedInChinese(string fileName)
    {
        using var clerk = await fixture.ClientAsync("clerk");
        var id = await clerk.RegisterAsync();
        var file = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var form = new MultipartFormDataContent { { file, "file", fileName } };

        var response = await clerk.Http.PostAsync(new Uri($"/api/v1/complaints/{id}/attachments", UriKind.Relative), form);

        var problem = await ApiTestClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("控制字符", problem["errors"]!["file"]![0]!.GetValue<string>());
        Assert.Equal(0, await fixture.App.WithDbAsync(db => db.Attachments.CountAsync(a => a.ComplaintId == id)));
    }

    [Fact]
    public async Task Exports_StoredTextWithControlCharacters_AreWrittenSafely()
    {
        // Text stored before input was cleaned (or by any other way in): every export must still be written.
        using var app = new DeskAppFactory();
        await app.StartAsync();
        using var api = await ApiTestClient.ForAsync(app, "clerk");
        var id = await api.RegisterAsync();
        var bad = TestPostgres.Enabled ? "坏\u000B字符\u001B" : "坏\u000B字符\u0000\u001B";
        await app.WithDbAsync(db => db.Complaints.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Content, "内容" + bad)));
        await app.WithDbAsync(db => db.Topics.Where(t => t.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(t => t.Name, "事项" + bad)));
        using var manager = await app.SignInAsync("manager");

        var xlsx = await manager.GetAsync("/Reports/Monthly?handler=ComplaintsXlsx&month=2026-11");
        var report = await manager.GetAsync("/Reports/Monthly?handler=Xlsx&month=2026-11");
        var csv = await manager.GetAsync("/Reports/Monthly?handler=ComplaintsCsv&month=2026-11");

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        using (var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()))
        using (var document = SpreadsheetDocument.Open(stream, false))
        {
            var texts = document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<XlsxText>()).Select(t => t.Text).ToList();
            Assert.Contains("内容坏字符", texts);
        }

        using (var stream = new MemoryStream(await report.Content.ReadAsByteArrayAsync()))
        using (var document = SpreadsheetDocument.Open(stream, false))
        {
            Assert.Contains(document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<XlsxText>()), t => t.Text.Contains("事项坏字符", StringComparison.Ordinal));
        }

        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("内容坏字符", text);
        Assert.DoesNotContain(text, c => char.IsControl(c) && c is not '\r' and not '\n' and not '\t');
        Assert.Equal(Xlsx.ContentType, xlsx.Content.Headers.ContentType!.MediaType);
    }
}
