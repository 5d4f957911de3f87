using ComplaintDesk.Data;
using ComplaintDesk.Domain.Investigations;
using ComplaintDesk.Web.Features.Complaints;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Features.Investigations;

/// <summary>One corrective action not yet verified, with its complaint: a row of the 整改措施 list.</summary>
public sealed record OpenCorrectiveAction(
    long ComplaintId,
    string ComplaintNumber,
    int ProjectId,
    string ProjectName,
    int No,
    string Description,
    int OwnerDepartmentId,
    string OwnerDepartmentName,
    DateOnly DueOn,
    DateTime DueAt,
    CorrectiveActionStatus Status,
    string StatusLabel,
    bool Overdue,
    DateTime? OpenedAt,
    int Round,
    DateTime? CompletedAt);

/// <summary>A page of the list: the rows by due date, and whether there are more than it shows.</summary>
public sealed record OpenCorrectiveActionPage(IReadOnlyList<OpenCorrectiveAction> Items, bool More);

/// <summary>The corrective actions still to do or to verify, within the caller's projects, due first.</summary>
public sealed class CorrectiveActionQueries(ComplaintDeskDbContext db, ComplaintQueries complaints, TimeProvider clock)
{
    public const int PageSize = 200;

    public async Task<OpenCorrectiveActionPage> ListOpenAsync(int? projectId, bool overdueOnly, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var visible = complaints.Visible();
        if (projectId is { } project)
        {
            visible = visible.Where(c => c.ProjectId == project);
        }

        var actions = db.Set<CorrectiveAction>().AsNoTracking()
            .Where(a => a.Status == CorrectiveActionStatus.Open || a.Status == CorrectiveActionStatus.Completed);
        if (overdueOnly)
        {
            actions = actions.Where(a => a.Status == CorrectiveActionStatus.Open && a.DueAt < now);
        }

        var rows = await (from a in actions
                          join c in visible on a.ComplaintId equals c.Id
                          join p in db.Projects.AsNoTracking() on c.ProjectId equals p.Id
                          orderby a.DueAt, a.Id
                          select new
                          {
                              c.Id, c.Number, c.ProjectId, ProjectName = p.Name, a.No, a.Description, a.OwnerDepartmentId, a.OwnerDepartmentName,
                              a.DueOn, a.DueAt, a.Status, a.OpenedAt, a.Round, a.CompletedAt,
                          })
            .Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        var items = rows.Take(PageSize).Select(r => new OpenCorrectiveAction(
                r.Id, r.Number, r.ProjectId, r.ProjectName, r.No, r.Description, r.OwnerDepartmentId, r.OwnerDepartmentName, r.DueOn, r.DueAt,
                r.Status, InvestigationLabels.Of(r.Status), r.Status == CorrectiveActionStatus.Open && now > r.DueAt, r.OpenedAt, r.Round, r.CompletedAt))
            .ToList();
        return new OpenCorrectiveActionPage(items, rows.Count > PageSize);
    }
}
