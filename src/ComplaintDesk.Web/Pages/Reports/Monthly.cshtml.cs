using System.Text.Json;
using ComplaintDesk.Data;
using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Features.Reports;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Pages.Reports;

/// <summary>月度报表: every figure of a local month beside last month and the same month a year before, with exports.</summary>
public sealed class MonthlyModel(
    MonthlyReportService reports,
    ComplaintExport export,
    ComplaintQueries complaints,
    CurrentStaff staff,
    ProcedurePolicies policies,
    ComplaintDeskDbContext db,
    TimeProvider clock) : PageModel
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? ProjectId { get; set; }

    public string? MonthError { get; private set; }

    public string? ProjectError { get; private set; }

    public YearMonth Target { get; private set; }

    public CompanyCalendar Calendar { get; private set; } = CompanyCalendar.Default;

    public MonthlyReport Report { get; private set; } = null!;

    public IReadOnlyList<(int Id, string Name)> Projects { get; private set; } = [];

    /// <summary>The figures the charts draw, for report-charts.js (an attribute value, so Razor encodes it).</summary>
    public string ChartData { get; private set; } = "{}";

    /// <summary>The query string of this report, for the export links.</summary>
    public string Query => ProjectId is { } id ? $"month={Target}&projectId={id}" : $"month={Target}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await ResolveAsync(cancellationToken);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        if (!await ResolveAsync(cancellationToken))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var report = await reports.GetAsync(ReportScope.For(staff, ProjectId), Target, ProjectId, cancellationToken);
        return File(ReportWorkbook.Build(report, Calendar), Xlsx.ContentType, ReportWorkbook.FileName(report));
    }

    public Task<IActionResult> OnGetComplaintsXlsxAsync(CancellationToken cancellationToken) =>
        ExportAsync("xlsx", Xlsx.ContentType, async (scope, output, ct) =>
        {
            // The package needs a seekable stream: write to a temporary file, then stream it out.
            await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await export.WriteXlsxAsync(scope, Target, file, ct);
            file.Position = 0;
            await file.CopyToAsync(output, ct);
        }, cancellationToken);

    public Task<IActionResult> OnGetComplaintsCsvAsync(CancellationToken cancellationToken) =>
        ExportAsync("csv", ComplaintExport.CsvContentType, (scope, output, ct) => export.WriteCsvAsync(scope, Target, output, ct), cancellationToken);

    private async Task<IActionResult> ExportAsync(
        string extension, string contentType, Func<IQueryable<Domain.Complaints.Complaint>, Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        if (!await ResolveAsync(cancellationToken))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var scope = complaints.Visible();
        if (ProjectId is { } id)
        {
            scope = scope.Where(c => c.ProjectId == id);
        }

        return new StreamedFileResult(contentType, ComplaintExport.FileName(Target, extension), (output, ct) => write(scope, output, ct));
    }

    /// <summary>Reads month and project; bad values leave a message and fall back to this month and all projects.</summary>
    private async Task<bool> ResolveAsync(CancellationToken cancellationToken)
    {
        var policy = await policies.GetAsync(cancellationToken);
        Calendar = policy.Calendar;
        var ok = true;
        if (string.IsNullOrWhiteSpace(Month))
        {
            Target = Calendar.MonthOf(clock.GetUtcNow().UtcDateTime);
        }
        else if (YearMonth.TryParse(Month, out var parsed))
        {
            Target = parsed;
        }
        else
        {
            MonthError = "月份格式不正确（例如 2026-11），已显示本月报表。";
            Target = Calendar.MonthOf(clock.GetUtcNow().UtcDateTime);
            ok = false;
        }

        if (ModelState.TryGetValue(nameof(ProjectId), out var entry) && entry.Errors.Count > 0)
        {
            ProjectError = "物业项目无效，已显示全部项目。";
            ProjectId = null;
            ok = false;
        }
        else if (ProjectId is { } id && (!staff.CanSeeProject(id) || !await db.Projects.AnyAsync(p => p.Id == id, cancellationToken)))
        {
            ProjectError = "您无权查看该物业项目，已显示全部项目。";
            ProjectId = null;
            ok = false;
        }

        ModelState.Clear();
        Month = Target.ToString();
        return ok;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var projects = await db.Projects.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        Projects = projects.Where(p => staff.CanSeeProject(p.Id)).Select(p => (p.Id, p.Name)).ToList();
        Report = await reports.GetAsync(ReportScope.For(staff, ProjectId), Target, ProjectId, cancellationToken);
        ChartData = JsonSerializer.Serialize(new
        {
            trend = new
            {
                months = Report.Trend.Select(t => t.Month),
                received = Report.Trend.Select(t => t.Received),
                effective = Report.Trend.Select(t => t.Effective),
                onTimeRate = Report.Trend.Select(t => Percent(t.ResolutionOnTimeRate)),
                satisfactionRate = Report.Trend.Select(t => Percent(t.SatisfactionRate)),
            },
            types = Report.Current.ByType.Select(t => new { name = t.Name, value = t.Count }),
            severities = Report.Current.EffectiveBySeverity.Select(s => new { name = s.Name, value = s.Count }),
            topics = Report.Current.ByTopic.Take(10).Select(t => new { name = t.Name, value = t.Received }),
        }, _json);
    }

    private static double? Percent(double? rate) => rate is { } r ? Math.Round(r * 100, 1) : null;
}
