using System.Text.RegularExpressions;
using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Procedure;
using ComplaintDesk.Domain.TimeLimits;
using ComplaintDesk.Web.Features.Attachments;
using ComplaintDesk.Web.Features.Complaints;

namespace ComplaintDesk.Web.Pages.Complaints;

/// <summary>A complaint as the details and print pages show it: names, classification with reasons, time limits.</summary>
public sealed partial class ComplaintView
{
    private IReadOnlyDictionary<int, string> _departments = new Dictionary<int, string>();

    public required Complaint Complaint { get; init; }

    public required ProcedurePolicy Policy { get; init; }

    public required DateTime Now { get; init; }

    public required DeadlineReport Deadlines { get; init; }

    public string ProjectName { get; private set; } = string.Empty;

    public string TopicName { get; private set; } = string.Empty;

    public int? TopicDefaultDepartmentId { get; private set; }

    public string? DepartmentName => Complaint.DepartmentId is { } id ? DepartmentNameOf(id) : null;

    public IReadOnlyDictionary<int, string> Departments => _departments;

    public IReadOnlyList<Attachment> Attachments { get; private set; } = [];

    /// <summary>The stored clauses with the classifier's explanation of each.</summary>
    public IReadOnlyList<ClauseHit> Clauses { get; private set; } = [];

    public string LocalTime(DateTime? utc) => Policy.Calendar.Local(utc);

    public string DepartmentNameOf(int id) => _departments.TryGetValue(id, out var name) ? name : $"部门#{id}";

    /// <summary>The timeline writes departments by id; people read names.</summary>
    public string WithDepartmentNames(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : DepartmentReference().Replace(text, m => DepartmentNameOf(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));

    public static string LevelLabel(int level) => level switch
    {
        0 => "无",
        1 => "一级（主管督办）",
        _ => "二级（经理督办）",
    };

    public static async Task<ComplaintView?> LoadAsync(
        long id, ComplaintQueries queries, DeskNames names, ProcedurePolicies policies, AttachmentService attachments, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var complaint = await queries.FindAsync(id, cancellationToken);
        if (complaint is null)
        {
            return null;
        }

        var policy = await policies.GetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var view = new ComplaintView
        {
            Complaint = complaint,
            Policy = policy,
            Now = now,
            Deadlines = Domain.TimeLimits.Deadlines.Evaluate(complaint, now, policy.TimeLimits),
        };
        var table = await names.GetAsync(t => t.HasProject(complaint.ProjectId) && t.HasTopic(complaint.TopicId) && t.HasDepartment(complaint.DepartmentId), cancellationToken);
        view.ProjectName = table.ProjectName(complaint.ProjectId);
        view.TopicName = table.TopicName(complaint.TopicId);
        view.TopicDefaultDepartmentId = table.TopicDefaultDepartmentId(complaint.TopicId);
        view._departments = table.DepartmentsById;
        view.Attachments = await attachments.ListAsync(id, cancellationToken);

        var explained = Classifier.Classify(complaint.Facts, policy.Classification).Clauses.ToDictionary(c => c.Code, c => c.Explanation);
        view.Clauses = complaint.Clauses.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(code => new ClauseHit(code, explained.TryGetValue(code, out var why) ? why : "按当时的规程设置适用。"))
            .ToList();
        return view;
    }

    [GeneratedRegex(@"部门#(\d{1,9})")]
    private static partial Regex DepartmentReference();
}
