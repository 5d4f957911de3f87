using ComplaintDesk.Domain.Calendar;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ComplaintDesk.Web.Features.Reports;

/// <summary>The monthly report as an .xlsx workbook: a summary sheet and one sheet per breakdown, figures as numbers.</summary>
public static class ReportWorkbook
{
    public static string FileName(MonthlyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"投诉月报-{report.Month}-{report.ScopeName}.xlsx";
    }

    public static byte[] Build(MonthlyReport report, CompanyCalendar calendar)
    {
        using var stream = new MemoryStream();
        Write(report, calendar, stream);
        return stream.ToArray();
    }

    public static void Write(MonthlyReport report, CompanyCalendar calendar, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(calendar);
        using var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Xlsx.Stylesheet();
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());

        var summary = new List<Row>
        {
            Xlsx.Row(Xlsx.Text($"投诉月报 {report.Month}（{report.ScopeName}）", Xlsx.Header)),
            Header("指标", "本月", "上月", "去年同月", "环比变化", "同比变化"),
        };
        summary.AddRange(report.Summary.Select(l => Xlsx.Row(
            Xlsx.Text(l.Label),
            Xlsx.Number(l.Current, Xlsx.StyleOf(l.Kind)),
            Xlsx.Number(l.Previous, Xlsx.StyleOf(l.Kind)),
            Xlsx.Number(l.YearBefore, Xlsx.StyleOf(l.Kind)),
            Xlsx.Number(l.ChangeFromPrevious, Xlsx.StyleOf(l.Kind)),
            Xlsx.Number(l.ChangeFromYearBefore, Xlsx.StyleOf(l.Kind)))));
        AddSheet(workbookPart, sheets, "概要", summary);

        foreach (var (_, title, lines) in ReportLines.Breakdowns(report))
        {
            var rows = new List<Row> { Header("名称", "本月", "上月", "去年同月", "环比变化", "同比变化", "本月有效投诉") };
            rows.AddRange(lines.Select(l => Xlsx.Row(
                Xlsx.Text(l.Name),
                Xlsx.Number(l.Current, Xlsx.Integer),
                Xlsx.Number(l.Previous, Xlsx.Integer),
                Xlsx.Number(l.YearBefore, Xlsx.Integer),
                Xlsx.Number(l.ChangeFromPrevious, Xlsx.Integer),
                Xlsx.Number(l.ChangeFromYearBefore, Xlsx.Integer),
                Xlsx.Number(l.CurrentEffective, Xlsx.Integer))));
            AddSheet(workbookPart, sheets, title, rows);
        }

        var trend = new List<Row> { Header("月份", "受理投诉", "有效投诉", "处理完成", "处理及时率", "回访（有结果）", "满意率") };
        trend.AddRange(report.Trend.Select(t => Xlsx.Row(
            Xlsx.Text(t.Month),
            Xlsx.Number(t.Received, Xlsx.Integer),
            Xlsx.Number(t.Effective, Xlsx.Integer),
            Xlsx.Number(t.Resolved, Xlsx.Integer),
            Xlsx.Number(t.ResolutionOnTimeRate, Xlsx.Percent),
            Xlsx.Number(t.FollowUps, Xlsx.Integer),
            Xlsx.Number(t.SatisfactionRate, Xlsx.Percent))));
        AddSheet(workbookPart, sheets, "12个月趋势", trend);

        var majors = new List<Row> { Header("投诉编号", "登记时间", "项目", "投诉事项", "状态", "适用条款", "链接") };
        majors.AddRange(report.MajorComplaints.Select(m => Xlsx.Row(
            Xlsx.Text(m.Number),
            Xlsx.Date(calendar.ToLocal(m.RegisteredAtUtc)),
            Xlsx.Text(m.ProjectName),
            Xlsx.Text(m.TopicName),
            Xlsx.Text(m.StatusName),
            Xlsx.Text(m.Clauses),
            Xlsx.Text(m.Link))));
        AddSheet(workbookPart, sheets, "重大投诉", majors);
        if (report.Referrals is { } referrals)
        {
            var referralRows = new List<Row>
            {
                Header("转办来源/物业项目", "收到", "设签收时限", "按时签收", "设首次反馈时限", "按时首次反馈", "设办结时限", "按时办结",
                    "申请延期", "同意延期", "退单", "满意", "基本满意", "不满意"),
            };
            referralRows.AddRange(referrals.BySource.Append(referrals.Total).Concat(referrals.ByProject).Select(r => Xlsx.Row(
                Xlsx.Text(r.Name),
                Xlsx.Number(r.Received, Xlsx.Integer),
                Xlsx.Number(r.SignForDue, Xlsx.Integer),
                Xlsx.Number(r.SignedForOnTime, Xlsx.Integer),
                Xlsx.Number(r.FirstFeedbackDue, Xlsx.Integer),
                Xlsx.Number(r.FirstFeedbackOnTime, Xlsx.Integer),
                Xlsx.Number(r.CompletionDue, Xlsx.Integer),
                Xlsx.Number(r.CompletedOnTime, Xlsx.Integer),
                Xlsx.Number(r.ExtensionsRequested, Xlsx.Integer),
                Xlsx.Number(r.ExtensionsApproved, Xlsx.Integer),
                Xlsx.Number(r.Returned, Xlsx.Integer),
                Xlsx.Number(r.Satisfied, Xlsx.Integer),
                Xlsx.Number(r.BasicallySatisfied, Xlsx.Integer),
                Xlsx.Number(r.Dissatisfied, Xlsx.Integer))));
            AddSheet(workbookPart, sheets, "政府转办", referralRows);
        }

        workbookPart.Workbook.Save();
    }

    private static Row Header(params string[] titles) => new(titles.Select(t => Xlsx.Text(t, Xlsx.Header)));

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, string name, IEnumerable<Row> rows)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        part.Worksheet = new Worksheet(new SheetData(rows));
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = name });
    }
}
