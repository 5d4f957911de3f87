using ComplaintDesk.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ComplaintDesk.Web.Features.Complaints;

/// <summary>Every project, department and topic by id: names for the list, the details page and the filters' choices.</summary>
public sealed class DeskNameTable
{
    private readonly Dictionary<int, string> _projects;
    private readonly Dictionary<int, string> _departments;
    private readonly Dictionary<int, (string Name, int? DefaultDepartmentId)> _topics;

    public DeskNameTable(
        IReadOnlyList<(int Id, string Name)> projects,
        IReadOnlyList<(int Id, string Name)> departments,
        IReadOnlyList<(int Id, string Name, int? DefaultDepartmentId)> topics)
    {
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(departments);
        ArgumentNullException.ThrowIfNull(topics);
        Projects = projects;
        Departments = departments;
        Topics = topics.Select(t => (t.Id, t.Name)).ToList();
        _projects = projects.ToDictionary(p => p.Id, p => p.Name);
        _departments = departments.ToDictionary(d => d.Id, d => d.Name);
        _topics = topics.ToDictionary(t => t.Id, t => (t.Name, t.DefaultDepartmentId));
    }

    /// <summary>By id, ascending.</summary>
    public IReadOnlyList<(int Id, string Name)> Projects { get; }

    /// <summary>By id, ascending (inactive ones too: old complaints name them).</summary>
    public IReadOnlyList<(int Id, string Name)> Departments { get; }

    /// <summary>By id, ascending.</summary>
    public IReadOnlyList<(int Id, string Name)> Topics { get; }

    public IReadOnlyDictionary<int, string> DepartmentsById => _departments;

    public bool HasProject(int id) => _projects.ContainsKey(id);

    public bool HasTopic(int id) => _topics.ContainsKey(id);

    public bool HasDepartment(int? id) => id is not { } value || _departments.ContainsKey(value);

    public string ProjectName(int id) => _projects.TryGetValue(id, out var name) ? name : string.Empty;

    public string TopicName(int id) => _topics.TryGetValue(id, out var topic) ? topic.Name : string.Empty;

    public int? TopicDefaultDepartmentId(int id) => _topics.TryGetValue(id, out var topic) ? topic.DefaultDepartmentId : null;

    public string? DepartmentName(int? id) => id is { } value && _departments.TryGetValue(value, out var name) ? name : null;
}

/// <summary>
/// The names of projects, departments and topics, read on every list and details page. They change rarely (an
/// administrator's edit): each instance keeps them for a few seconds, like the procedure settings, instead of three
/// correlated sub-selects per list page or three queries per details page. An id the table does not know (a project
/// added since) reads them again at once; a rename reaches the pages within <see cref="CacheFor"/>.
/// </summary>
public sealed class DeskNames(ComplaintDeskDbContext db, IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    private const string CacheKey = "desk-names";

    public async Task<DeskNameTable> GetAsync(CancellationToken cancellationToken = default) =>
        cache.TryGetValue(CacheKey, out DeskNameTable? cached) && cached is not null ? cached : await ReadAsync(cancellationToken);

    /// <summary>The table, read again when it does not know one of the ids (added after it was read).</summary>
    public async Task<DeskNameTable> GetAsync(Func<DeskNameTable, bool> knowsAll, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(knowsAll);
        var table = await GetAsync(cancellationToken);
        return knowsAll(table) ? table : await ReadAsync(cancellationToken);
    }

    private async Task<DeskNameTable> ReadAsync(CancellationToken cancellationToken)
    {
        var projects = await db.Projects.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken);
        var topics = await db.Topics.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.Name, t.DefaultDepartmentId }).ToListAsync(cancellationToken);
        var table = new DeskNameTable(
            projects.Select(p => (p.Id, p.Name)).ToList(),
            departments.Select(d => (d.Id, d.Name)).ToList(),
            topics.Select(t => (t.Id, t.Name, t.DefaultDepartmentId)).ToList());
        cache.Set(CacheKey, table, CacheFor);
        return table;
    }
}
