using ComplaintDesk.Data;
using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Investigations;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Features.Reports;

/// <summary>
/// 整改措施 of a month (issue 17 section 2): opened (the report approved in the month), completed and verified (passed) in
/// the month, and open past their due day at the month's end. Counted live on every report (four indexed counts), not
/// kept in the report's snapshots.
/// </summary>
public sealed record CorrectiveActionFigures(int Opened, int Completed, int Verified, int OverdueAtMonthEnd)
{
    public static CorrectiveActionFigures None { get; } = new(0, 0, 0, 0);

    /// <summary>The counts over the actions of the complaints in <paramref name="scope"/>.</summary>
    public static async Task<CorrectiveActionFigures> CountAsync(
        ComplaintDeskDbContext db, IQueryable<Complaint> scope, YearMonth month, CompanyCalendar calendar, bool scopeIsEverything,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(calendar);
        var (start, end) = calendar.MonthRangeUtc(month);
        var all = db.Set<CorrectiveAction>().AsNoTracking();
        var actions = scopeIsEverything ? all : all.Where(a => scope.Any(c => c.Id == a.ComplaintId));
        var opened = await actions.CountAsync(a => a.OpenedAt >= start && a.OpenedAt < end, cancellationToken);
        var completed = await actions.CountAsync(a => a.CompletedAt >= start && a.CompletedAt < end, cancellationToken);
        var verified = await actions.CountAsync(
            a => a.VerifiedAt >= start && a.VerifiedAt < end && a.VerificationResult == VerificationResult.Passed, cancellationToken);

        // Open at the month's end (opened before it, not done or cancelled before it) and past due by then.
        var overdue = await actions.CountAsync(
            a => a.OpenedAt < end && a.DueAt < end && (a.CompletedAt == null || a.CompletedAt >= end) && (a.CancelledAt == null || a.CancelledAt >= end),
            cancellationToken);
        return new CorrectiveActionFigures(opened, completed, verified, overdue);
    }
}
