using System.Text;
using ComplaintDesk.Data;
using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Web.Features.Complaints;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Features.Reports;

/// <summary>What the export writes of one complaint (no timeline, no follow-up notes).</summary>
public sealed record ExportRow(
    long Id,
    string Number,
    DateTime RegisteredAt,
    int ProjectId,
    int TopicId,
    int? DepartmentId,
    Channel Channel,
    string ComplainantName,
    string Phone,
    string Location,
    ComplaintType Type,
    Severity? Severity,
    ComplaintStatus Status,
    bool IsGroup,
    int TimesRaised,
    DateTime? DispatchedAt,
    DateTime? ResolvedAt,
    bool? ResolvedOnTime,
    DateTime? FollowedUpAt,
    FollowUpOutcome? LastFollowUpOutcome,
    DateTime? ClosedAt,
    string Content);

/// <summary>
/// The month's complaints as .xlsx or .csv, streamed: rows are read one by one from the database and written
/// as they come, so a month of 100,000 complaints never sits in memory. Phones are masked.
/// </summary>
public sealed class ComplaintExport(ComplaintDeskDbContext db, ProcedurePolicies policies)
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    private static readonly string[] _headers =
    [
        "投诉编号", "登记时间", "物业项目", "投诉事项", "责任部门", "受理渠道", "投诉人", "联系电话", "位置", "类型", "严重程度", "状态",
        "群体投诉", "反映次数", "派单时间", "处理完成时间", "按时处理", "回访时间", "回访结果", "结案时间", "投诉内容",
    ];

    public static string FileName(YearMonth month, string extension) => $"投诉明细-{month}.{extension}";

    /// <summary>The month's complaints in <paramref name="scope"/>, oldest first.</summary>
    public async Task<IQueryable<ExportRow>> QueryAsync(IQueryable<Complaint> scope, YearMonth month, CancellationToken cancellationToken = default)
    {
        var (start, end) = (await policies.GetAsync(cancellationToken)).Calendar.MonthRangeUtc(month);
        return Query(scope, start, end);
    }

    /// <summary>Complaints registered in [<paramref name="startUtc"/>, <paramref name="endUtc"/>), oldest first.</summary>
    public static IQueryable<ExportRow> Query(IQueryable<Complaint> scope, DateTime startUtc, DateTime endUtc)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.AsNoTracking()
            .Where(c => c.RegisteredAt >= startUtc && c.RegisteredAt < endUtc)
            .OrderBy(c => c.Id)
            .Select(c => new ExportRow(
                c.Id, c.Number, c.RegisteredAt, c.ProjectId, c.TopicId, c.DepartmentId, c.Channel, c.ComplainantName, c.Phone, c.Location,
                c.Type, c.Severity, c.Status, c.IsGroup, c.Facts.TimesRaisedUnresolved, c.DispatchedAt, c.ResolvedAt, c.ResolvedOnTime,
                c.FollowedUpAt, c.LastFollowUpOutcome, c.ClosedAt, c.Content));
    }

    public async Task WriteCsvAsync(IQueryable<Complaint> scope, YearMonth month, Stream output, CancellationToken cancellationToken = default)
    {
        var (names, calendar, rows) = await PrepareAsync(scope, month, cancellationToken);
        // UTF-8 with a byte-order mark, so that Excel opens the Chinese text correctly.
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true)
        {
            NewLine = "\r\n", // RFC 4180, whatever the server's platform
        };
        await writer.WriteLineAsync(string.Join(',', _headers.Select(Csv)));
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(string.Join(',', Values(row, names, calendar).Select(v => Csv(v.Text))));
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>Writes the workbook with the SAX-style <see cref="OpenXmlWriter"/> into <paramref name="output"/> (seekable).</summary>
    public async Task WriteXlsxAsync(IQueryable<Complaint> scope, YearMonth month, Stream output, CancellationToken cancellationToken = default)
    {
        var (names, calendar, rows) = await PrepareAsync(scope, month, cancellationToken);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Xlsx.Stylesheet();
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            writer.WriteElement(new Row(_headers.Select(h => Xlsx.Text(h, Xlsx.Header))));
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                writer.WriteStartElement(new Row());
                foreach (var value in Values(row, names, calendar))
                {
                    writer.WriteElement(value.Cell());
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = $"投诉明细 {month}" }));
        workbookPart.Workbook.Save();
    }

    private async Task<(MasterNames Names, CompanyCalendar Calendar, IQueryable<ExportRow> Rows)> PrepareAsync(
        IQueryable<Complaint> scope, YearMonth month, CancellationToken cancellationToken)
    {
        var names = await MasterNames.LoadAsync(db, cancellationToken);
        var calendar = (await policies.GetAsync(cancellationToken)).Calendar;
        return (names, calendar, await QueryAsync(scope, month, cancellationToken));
    }

    private static IEnumerable<ExportValue> Values(ExportRow r, MasterNames names, CompanyCalendar calendar)
    {
        yield return ExportValue.Of(r.Number);
        yield return ExportValue.Of(calendar.ToLocal(r.RegisteredAt));
        yield return ExportValue.Of(names.Project(r.ProjectId));
        yield return ExportValue.Of(names.Topic(r.TopicId));
        yield return ExportValue.Of(r.DepartmentId is { } d ? names.Department(d) : "未派单");
        yield return ExportValue.Of(ComplaintLabels.Of(r.Channel));
        yield return ExportValue.Of(r.ComplainantName);
        yield return ExportValue.Of(PhoneMask.Mask(r.Phone));
        yield return ExportValue.Of(r.Location);
        yield return ExportValue.Of(r.Type.ToString());
        yield return ExportValue.Of(r.Type == ComplaintType.A ? Labels.Of(r.Severity) : string.Empty);
        yield return ExportValue.Of(Lifecycle.LabelOf(r.Status));
        yield return ExportValue.Of(r.IsGroup ? "是" : "否");
        yield return ExportValue.Of(r.TimesRaised);
        yield return ExportValue.Of(r.DispatchedAt is { } dispatched ? calendar.ToLocal(dispatched) : null);
        yield return ExportValue.Of(r.ResolvedAt is { } resolved ? calendar.ToLocal(resolved) : null);
        yield return ExportValue.Of(r.ResolvedOnTime switch { true => "是", false => "否", null => string.Empty });
        yield return ExportValue.Of(r.FollowedUpAt is { } followed ? calendar.ToLocal(followed) : null);
        yield return ExportValue.Of(r.LastFollowUpOutcome is { } outcome ? FollowUpLabels.Of(outcome) : string.Empty);
        yield return ExportValue.Of(r.ClosedAt is { } closed ? calendar.ToLocal(closed) : null);
        yield return ExportValue.Of(r.Content);
    }

    /// <summary>
    /// A CSV field: control characters other than line breaks and tab removed (no raw NUL or ESC), quoted when
    /// needed; text that a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe.
    /// </summary>
    public static string Csv(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        value = Infrastructure.Text.TextInput.ForCsv(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private readonly record struct ExportValue(string Text, Func<Cell> Cell)
    {
        public static ExportValue Of(string text) => new(text, () => Xlsx.Text(text));

        public static ExportValue Of(int number) =>
            new(number.ToString(System.Globalization.CultureInfo.InvariantCulture), () => Xlsx.Number(number, Xlsx.Integer));

        public static ExportValue Of(DateTime? local) => new(
            local?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            () => Xlsx.Date(local));
    }
}
