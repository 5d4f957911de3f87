using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Procedure;
using ComplaintDesk.Domain.Search;
using ComplaintDesk.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Features.Complaints;

public enum ComplaintSort
{
    Newest = 0,
    Oldest = 1,
}

/// <summary>The list's filters, shared by the list page and <c>GET /api/v1/complaints</c>.</summary>
public sealed class ComplaintFilter
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public ComplaintStatus? Status { get; set; }

    public ComplaintType? Type { get; set; }

    public Severity? Severity { get; set; }

    public int? ProjectId { get; set; }

    public int? DepartmentId { get; set; }

    public int? TopicId { get; set; }

    public Channel? Channel { get; set; }

    /// <summary>First local day registered (inclusive).</summary>
    public DateOnly? From { get; set; }

    /// <summary>Last local day registered (inclusive).</summary>
    public DateOnly? To { get; set; }

    public bool OverdueOnly { get; set; }

    /// <summary>即将超时: only complaints whose next time limit falls within the next <see cref="DueSoonHours"/> hours.</summary>
    public bool DueSoonOnly { get; set; }

    /// <summary>How far ahead 即将超时 looks: a day, so a clerk's morning shows what must be done before tomorrow.</summary>
    public const int DueSoonHours = 24;

    /// <summary>我负责的: only the complaints the caller owns (首问负责人).</summary>
    public bool Mine { get; set; }

    /// <summary>What the clerk typed in the search box (<see cref="SearchQuery"/>): phone, number, room, name or words.</summary>
    public string? Keyword { get; set; }

    public ComplaintSort Sort { get; set; }

    /// <summary>Keyset cursor: the last id of the previous page.</summary>
    public long? After { get; set; }

    /// <summary>Keyset cursor backwards (上一页): the first id of the page after the one wanted; wins over <see cref="After"/>.</summary>
    public long? Before { get; set; }

    public int PageSize { get; set; } = DefaultPageSize;

    /// <summary>
    /// Only equality filters (status, type, severity, project, department, topic, channel): the list and its count then
    /// run as compiled queries. Dates, 超时/即将超时, 我负责的 and a search need the query built for them.
    /// </summary>
    public bool ByValuesOnly => From is null && To is null && !OverdueOnly && !DueSoonOnly && !Mine && string.IsNullOrWhiteSpace(Keyword);
}

public sealed record ComplaintListItem(
    long Id,
    string Number,
    DateTime RegisteredAt,
    int ProjectId,
    string ProjectName,
    string TopicName,
    string? DepartmentName,
    string ComplainantName,
    string PhoneMasked,
    ComplaintType Type,
    Severity? Severity,
    ComplaintStatus Status,
    bool IsGroup,
    [property: System.Text.Json.Serialization.JsonIgnore] string Flags,
    DateTime? NextDueAt,
    string ContentPreview)
{
    /// <summary>The flags as the API writes them: a list, the same shape as the detail's <c>flags</c>.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("flags")]
    public IReadOnlyList<string> FlagList => [.. Flags.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

/// <summary>One of a caller's earlier complaints, as the registration page lists them.</summary>
public sealed record EarlierComplaint(long Id, string Number, DateTime RegisteredAt, ComplaintStatus Status, string ComplainantName, string Location, string ContentPreview);

/// <summary>A page of the list, with cursors both ways; no exact count (it costs more than the page at a million rows).</summary>
public sealed record ComplaintPage(IReadOnlyList<ComplaintListItem> Items, long? NextCursor, long? PreviousCursor = null);

/// <summary>Reads complaints within the caller's projects.</summary>
public sealed class ComplaintQueries(ComplaintDeskDbContext db, CurrentStaff staff, ProcedurePolicies policies, TimeProvider clock, DeskNames names)
{
    private static readonly Func<ComplaintDeskDbContext, long, Task<Complaint?>> _findById = EF.CompileAsyncQuery(
        (ComplaintDeskDbContext context, long id) => context.Complaints.AsNoTracking()
            .Include(c => c.Timeline.OrderBy(t => t.Id))
            .Include(c => c.FollowUps)
            .Include(c => c.Investigation)
            .Include(c => c.CorrectiveActions)
            .AsSplitQuery()
            .SingleOrDefault(c => c.Id == id));

    // The list without keyword, dates or overdue (nearly every page view): compiled, one per order. A filter left
    // empty is a null parameter, and EF drops "@p IS NULL OR ..." from the SQL it builds for that combination of nulls
    // (it caches the SQL per combination), so each shape gets the same plan as the hand-built LINQ below.
    private static readonly Func<ComplaintDeskDbContext, List<int>?, ComplaintStatus?, ComplaintType?, Severity?, int?, int?, int?, Channel?, long?, int, IAsyncEnumerable<ListRow>>
        _listNewest = EF.CompileAsyncQuery(
        (ComplaintDeskDbContext context, List<int>? projects, ComplaintStatus? status, ComplaintType? type, Severity? severity, int? projectId,
            int? departmentId, int? topicId, Channel? channel, long? after, int take) => context.Complaints.AsNoTracking()
            .Where(c => projects == null || projects.Contains(c.ProjectId))
            .Where(c => status == null || c.Status == status)
            .Where(c => type == null || c.Type == type)
            .Where(c => severity == null || c.Severity == severity)
            .Where(c => projectId == null || c.ProjectId == projectId)
            .Where(c => departmentId == null || c.DepartmentId == departmentId)
            .Where(c => topicId == null || c.TopicId == topicId)
            .Where(c => channel == null || c.Channel == channel)
            .Where(c => after == null || c.Id < after)
            .OrderByDescending(c => c.Id)
            .Take(take)
            .Select(c => new ListRow(
                c.Id, c.Number, c.RegisteredAt, c.ProjectId, c.TopicId, c.DepartmentId, c.ComplainantName, c.Phone, c.Type, c.Severity, c.Status, c.IsGroup,
                c.Flags, c.NextDueAt, c.Content.Substring(0, 60))));

    private static readonly Func<ComplaintDeskDbContext, List<int>?, ComplaintStatus?, ComplaintType?, Severity?, int?, int?, int?, Channel?, long?, int, IAsyncEnumerable<ListRow>>
        _listOldest = EF.CompileAsyncQuery(
        (ComplaintDeskDbContext context, List<int>? projects, ComplaintStatus? status, ComplaintType? type, Severity? severity, int? projectId,
            int? departmentId, int? topicId, Channel? channel, long? after, int take) => context.Complaints.AsNoTracking()
            .Where(c => projects == null || projects.Contains(c.ProjectId))
            .Where(c => status == null || c.Status == status)
            .Where(c => type == null || c.Type == type)
            .Where(c => severity == null || c.Severity == severity)
            .Where(c => projectId == null || c.ProjectId == projectId)
            .Where(c => departmentId == null || c.DepartmentId == departmentId)
            .Where(c => topicId == null || c.TopicId == topicId)
            .Where(c => channel == null || c.Channel == channel)
            .Where(c => after == null || c.Id > after)
            .OrderBy(c => c.Id)
            .Take(take)
            .Select(c => new ListRow(
                c.Id, c.Number, c.RegisteredAt, c.ProjectId, c.TopicId, c.DepartmentId, c.ComplainantName, c.Phone, c.Type, c.Severity, c.Status, c.IsGroup,
                c.Flags, c.NextDueAt, c.Content.Substring(0, 60))));

    private static readonly Func<ComplaintDeskDbContext, List<int>?, ComplaintStatus?, ComplaintType?, Severity?, int?, int?, int?, Channel?, int, Task<int>>
        _count = EF.CompileAsyncQuery(
        (ComplaintDeskDbContext context, List<int>? projects, ComplaintStatus? status, ComplaintType? type, Severity? severity, int? projectId,
            int? departmentId, int? topicId, Channel? channel, int cap) => context.Complaints.AsNoTracking()
            .Where(c => projects == null || projects.Contains(c.ProjectId))
            .Where(c => status == null || c.Status == status)
            .Where(c => type == null || c.Type == type)
            .Where(c => severity == null || c.Severity == severity)
            .Where(c => projectId == null || c.ProjectId == projectId)
            .Where(c => departmentId == null || c.DepartmentId == departmentId)
            .Where(c => topicId == null || c.TopicId == topicId)
            .Where(c => channel == null || c.Channel == channel)
            .Select(c => c.Id)
            .Take(cap)
            .Count());

    /// <summary>Complaints the signed-in person may see.</summary>
    public IQueryable<Complaint> Visible()
    {
        var query = db.Complaints.AsNoTracking();
        if (staff.IsCompanyWide)
        {
            return query;
        }

        var projects = staff.ProjectIds.ToList();
        return query.Where(c => projects.Contains(c.ProjectId));
    }

    /// <summary>
    /// One complaint with its timeline and follow-ups, or null when it does not exist for this person. The detail page
    /// and API read it on every view: a compiled query (no LINQ translation per call), by primary key, the project
    /// checked on the loaded row.
    /// </summary>
    public async Task<Complaint?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await OpenForRequestAsync(cancellationToken);
        var complaint = await _findById(db, id);
        return complaint is not null && staff.CanSeeProject(complaint.ProjectId) ? complaint : null;
    }

    public async Task<ComplaintPage> ListAsync(ComplaintFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await OpenForRequestAsync(cancellationToken);
        var size = Math.Clamp(filter.PageSize, 1, ComplaintFilter.MaxPageSize);
        if (filter.Before is { } before)
        {
            // 上一页: the same query in the other order from the cursor, read back to front.
            var reversed = Copy(filter);
            reversed.Sort = filter.Sort == ComplaintSort.Oldest ? ComplaintSort.Newest : ComplaintSort.Oldest;
            reversed.After = before;
            reversed.Before = null;
            var back = await ListAsync(reversed, cancellationToken);
            var earlier = back.Items.Reverse().ToList();
            return new ComplaintPage(earlier, earlier.Count > 0 ? earlier[^1].Id : null, back.NextCursor is null || earlier.Count == 0 ? null : earlier[0].Id);
        }

        List<ListRow> rows;
        if (!string.IsNullOrWhiteSpace(filter.Keyword))
        {
            // A search the caller did not check first finds nothing rather than failing.
            rows = SearchQuery.TryParse(filter.Keyword, out var search, out _) ? await SearchPageAsync(filter, search, size, cancellationToken) : [];
        }
        else
        {
            rows = filter.ByValuesOnly
                ? await CompiledPageAsync(filter, size, cancellationToken)
                : await QueryPageAsync(filter, size, cancellationToken);
        }

        // Names from the cached table, not three correlated sub-selects per row.
        var table = await names.GetAsync(t => rows.TrueForAll(r => t.HasProject(r.ProjectId) && t.HasTopic(r.TopicId) && t.HasDepartment(r.DepartmentId)), cancellationToken);
        var items = rows.Take(size).Select(r => new ComplaintListItem(
            r.Id, r.Number, r.RegisteredAt, r.ProjectId, table.ProjectName(r.ProjectId), table.TopicName(r.TopicId), table.DepartmentName(r.DepartmentId),
            r.ComplainantName, PhoneMask.Mask(r.Phone), r.Type, r.Severity, r.Status, r.IsGroup, r.Flags, r.NextDueAt, r.Preview)).ToList();
        return new ComplaintPage(items, rows.Count > size ? items[^1].Id : null, filter.After is not null && items.Count > 0 ? items[0].Id : null);
    }

    /// <summary>
    /// The caller's earlier complaints from one phone (any way it was written), newest first, within the user's
    /// projects: what the registration page shows beside the form while the owner is on the line.
    /// </summary>
    public async Task<IReadOnlyList<EarlierComplaint>> EarlierByPhoneAsync(PhoneNumber phone, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var normalized = phone.Normalized;
        return await Visible()
            .Where(c => c.PhoneNormalized == normalized)
            .OrderByDescending(c => c.Id)
            .Take(take)
            .Select(c => new EarlierComplaint(c.Id, c.Number, c.RegisteredAt, c.Status, c.ComplainantName, c.Location, c.Content.Substring(0, 40)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// How many complaints match the filter, counted up to <paramref name="cap"/> (the answer is then "more than"): the
    /// count reads at most <paramref name="cap"/> index entries, so it stays cheap at a million complaints.
    /// </summary>
    public async Task<int> CountAsync(ComplaintFilter filter, int cap, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await OpenForRequestAsync(cancellationToken);
        if (filter.ByValuesOnly)
        {
            var projects = staff.IsCompanyWide ? null : staff.ProjectIds.ToList();
            return await _count(db, projects, filter.Status, filter.Type, filter.Severity, filter.ProjectId, filter.DepartmentId, filter.TopicId, filter.Channel, cap);
        }

        var policy = await policies.GetAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(filter.Keyword))
        {
            if (!SearchQuery.TryParse(filter.Keyword, out var search, out _))
            {
                return 0;
            }

            // Each of the driving clause's tokens up to the cap, together: how many different complaints.
            var (driver, others) = await PlanAsync(search, cancellationToken);
            var ids = new HashSet<long>();
            foreach (var token in driver)
            {
                ids.UnionWith(await Matching(filter, search, policy, token, others).Select(x => x.Term.ComplaintId).Take(cap).ToListAsync(cancellationToken));
            }

            return Math.Min(ids.Count, cap);
        }

        return await Filtered(filter, policy).Select(c => c.Id).Take(cap).CountAsync(cancellationToken);
    }

    /// <summary>
    /// A search's page: for each token of the driving clause, its postings newest first (or oldest first) along the
    /// index's key, joined to the complaint and its filters, the other clauses checked by key, until a page is found;
    /// the tokens' pages merged. Reading stops after a page of matches, however common the word.
    /// </summary>
    private async Task<List<ListRow>> SearchPageAsync(ComplaintFilter filter, SearchQuery search, int size, CancellationToken cancellationToken)
    {
        var policy = await policies.GetAsync(cancellationToken);
        var (driver, others) = await PlanAsync(search, cancellationToken);
        var oldest = filter.Sort == ComplaintSort.Oldest;
        var rows = new Dictionary<long, ListRow>();
        foreach (var token in driver)
        {
            var query = Matching(filter, search, policy, token, others);
            if (filter.After is { } after)
            {
                query = oldest ? query.Where(x => x.Term.ComplaintId > after) : query.Where(x => x.Term.ComplaintId < after);
            }

            query = oldest ? query.OrderBy(x => x.Term.ComplaintId) : query.OrderByDescending(x => x.Term.ComplaintId);
            var page = await query
                .Take(size + 1)
                .Select(x => new ListRow(
                    x.Complaint.Id, x.Complaint.Number, x.Complaint.RegisteredAt, x.Complaint.ProjectId, x.Complaint.TopicId, x.Complaint.DepartmentId,
                    x.Complaint.ComplainantName, x.Complaint.Phone, x.Complaint.Type, x.Complaint.Severity, x.Complaint.Status, x.Complaint.IsGroup,
                    x.Complaint.Flags, x.Complaint.NextDueAt, x.Complaint.Content.Substring(0, 60)))
                .ToListAsync(cancellationToken);
            foreach (var row in page)
            {
                rows.TryAdd(row.Id, row);
            }
        }

        var ordered = oldest ? rows.Values.OrderBy(r => r.Id) : rows.Values.OrderByDescending(r => r.Id);
        return ordered.Take(size + 1).ToList();
    }

    /// <summary>
    /// Which clause drives the search: the one with the fewest postings (each counted up to a cap along the index), so a
    /// rare word is not checked against every complaint with a common one.
    /// </summary>
    private async Task<(IReadOnlyList<string> Driver, List<IReadOnlyList<string>> Others)> PlanAsync(SearchQuery search, CancellationToken cancellationToken)
    {
        const int countCap = 2_000;
        var clauses = search.Clauses;
        var best = 0;
        if (clauses.Count > 1)
        {
            var fewest = int.MaxValue;
            for (var i = 0; i < clauses.Count; i++)
            {
                var count = 0;
                foreach (var token in clauses[i])
                {
                    count += await db.ComplaintSearchTerms.Where(t => t.Token == token).Select(t => t.ComplaintId).Take(countCap).CountAsync(cancellationToken);
                }

                if (count < fewest)
                {
                    (fewest, best) = (count, i);
                }

                if (count == 0)
                {
                    break;
                }
            }
        }

        return (clauses[best], clauses.Where((_, i) => i != best).ToList());
    }

    /// <summary>One token's postings joined to the complaints the filters (and scope) allow, with every other clause.</summary>
    private IQueryable<SearchMatch> Matching(ComplaintFilter filter, SearchQuery search, ProcedurePolicy policy, string token, List<IReadOnlyList<string>> others)
    {
        var complaints = Filtered(filter, policy);
        if (search.NumberPrefix is { } prefix)
        {
            complaints = complaints.Where(c => c.Number.StartsWith(prefix));
        }

        var query = from term in db.ComplaintSearchTerms.AsNoTracking()
                    where term.Token == token
                    join complaint in complaints on term.ComplaintId equals complaint.Id
                    select new SearchMatch { Term = term, Complaint = complaint };
        foreach (var clause in others)
        {
            if (clause.Count == 1)
            {
                var single = clause[0];
                query = query.Where(x => db.ComplaintSearchTerms.Any(s => s.Token == single && s.ComplaintId == x.Term.ComplaintId));
            }
            else
            {
                var any = clause.ToList();
                query = query.Where(x => db.ComplaintSearchTerms.Any(s => any.Contains(s.Token) && s.ComplaintId == x.Term.ComplaintId));
            }
        }

        return query;
    }

    private static ComplaintFilter Copy(ComplaintFilter filter) => new()
    {
        Status = filter.Status, Type = filter.Type, Severity = filter.Severity, ProjectId = filter.ProjectId, DepartmentId = filter.DepartmentId,
        TopicId = filter.TopicId, Channel = filter.Channel, From = filter.From, To = filter.To, OverdueOnly = filter.OverdueOnly, DueSoonOnly = filter.DueSoonOnly,
        Mine = filter.Mine, Keyword = filter.Keyword, Sort = filter.Sort, After = filter.After, Before = filter.Before, PageSize = filter.PageSize,
    };

    /// <summary>Filters by values only (<see cref="ComplaintFilter.ByValuesOnly"/>): the compiled query of that order.</summary>
    private async Task<List<ListRow>> CompiledPageAsync(ComplaintFilter filter, int size, CancellationToken cancellationToken)
    {
        var projects = staff.IsCompanyWide ? null : staff.ProjectIds.ToList();
        var list = filter.Sort == ComplaintSort.Oldest ? _listOldest : _listNewest;
        var rows = new List<ListRow>(size + 1);
        await foreach (var row in list(
            db, projects, filter.Status, filter.Type, filter.Severity, filter.ProjectId, filter.DepartmentId, filter.TopicId, filter.Channel, filter.After, size + 1)
            .WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Any filter: the query built for just the filters given.</summary>
    private async Task<List<ListRow>> QueryPageAsync(ComplaintFilter filter, int size, CancellationToken cancellationToken)
    {
        var policy = await policies.GetAsync(cancellationToken);
        var query = Filtered(filter, policy);
        if (filter.After is { } after)
        {
            query = filter.Sort == ComplaintSort.Oldest ? query.Where(c => c.Id > after) : query.Where(c => c.Id < after);
        }

        query = filter.Sort == ComplaintSort.Oldest ? query.OrderBy(c => c.Id) : query.OrderByDescending(c => c.Id);
        return await query
            .Take(size + 1)
            .Select(c => new ListRow(
                c.Id, c.Number, c.RegisteredAt, c.ProjectId, c.TopicId, c.DepartmentId, c.ComplainantName, c.Phone, c.Type, c.Severity, c.Status, c.IsGroup,
                c.Flags, c.NextDueAt, c.Content.Substring(0, 60)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The filters given, within the caller's projects (no cursor, no order).</summary>
    private IQueryable<Complaint> Filtered(ComplaintFilter filter, ProcedurePolicy policy)
    {
        var query = Visible();
        if (filter.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (filter.Type is { } type)
        {
            query = query.Where(c => c.Type == type);
        }

        if (filter.Severity is { } severity)
        {
            query = query.Where(c => c.Severity == severity);
        }

        if (filter.ProjectId is { } projectId)
        {
            query = query.Where(c => c.ProjectId == projectId);
        }

        if (filter.DepartmentId is { } departmentId)
        {
            query = query.Where(c => c.DepartmentId == departmentId);
        }

        if (filter.TopicId is { } topicId)
        {
            query = query.Where(c => c.TopicId == topicId);
        }

        if (filter.Channel is { } channel)
        {
            query = query.Where(c => c.Channel == channel);
        }

        if (filter.From is { } from)
        {
            var start = policy.Calendar.DayRangeUtc(from).StartUtc;
            query = query.Where(c => c.RegisteredAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = policy.Calendar.DayRangeUtc(to).EndUtc;
            query = query.Where(c => c.RegisteredAt < end);
        }

        if (filter.Mine)
        {
            var me = staff.UserId;
            query = query.Where(c => c.OwnerId == me);
        }

        if (filter.OverdueOnly)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            query = query.Where(c => c.NextDueAt != null && c.NextDueAt < now);
        }

        if (filter.DueSoonOnly)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var soon = now.AddHours(ComplaintFilter.DueSoonHours);
            query = query.Where(c => c.NextDueAt != null && c.NextDueAt >= now && c.NextDueAt < soon);
        }

        return query;
    }

    /// <summary>
    /// Opens the context's connection for the rest of the request: EF then keeps it open for every later query of the
    /// request (settings, names, attachments, the layout's badges) and closes it when the context goes back to the pool,
    /// instead of opening and closing it around each query (on SQLite each open also registers EF's functions again).
    /// </summary>
    private async Task OpenForRequestAsync(CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
    }

    /// <summary>A posting and its complaint (member-initialised: EF follows its properties through later operators).</summary>
    private sealed class SearchMatch
    {
        public required ComplaintSearchTerm Term { get; init; }

        public required Complaint Complaint { get; init; }
    }

    /// <summary>The columns of a list row (names are looked up afterwards).</summary>
    private sealed record ListRow(
        long Id, string Number, DateTime RegisteredAt, int ProjectId, int TopicId, int? DepartmentId, string ComplainantName, string Phone,
        ComplaintType Type, Severity? Severity, ComplaintStatus Status, bool IsGroup, string Flags, DateTime? NextDueAt, string Preview);
}
