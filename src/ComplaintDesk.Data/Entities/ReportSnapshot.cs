namespace ComplaintDesk.Data.Entities;

/// <summary>
/// A computed part of the monthly report (one month's figures or trend point for one scope), shared by every
/// instance of the app. Valid while <see cref="DataVersion"/> equals the month's current version
/// (see <see cref="ReportMonthVersion"/>); docs/decisions/0006-report-snapshots.md.
/// </summary>
public sealed class ReportSnapshot
{
    /// <summary>Whose complaints: <c>all</c>, <c>p:1,2</c> (a set of projects), or <c>h:…</c> (a hash of a long set).</summary>
    public string ScopeKey { get; set; } = string.Empty;

    /// <summary>yyyy-MM, the local month.</summary>
    public string Month { get; set; } = string.Empty;

    /// <summary>What the JSON holds: <c>figures</c> or <c>trend</c>.</summary>
    public string Kind { get; set; } = string.Empty;

    public string Json { get; set; } = string.Empty;

    public DateTime ComputedAt { get; set; }

    /// <summary>The month's and the master data's versions when the computation started.</summary>
    public string DataVersion { get; set; } = string.Empty;
}

/// <summary>
/// The version of a month's report data: a new random stamp whenever a complaint or follow-up that counts in the
/// month is added or changed, written in the same SaveChanges as the change (<see cref="ReportVersionInterceptor"/>).
/// The row <see cref="MasterKey"/> changes with projects, departments, topics and settings and invalidates every month.
/// </summary>
public sealed class ReportMonthVersion
{
    public const string MasterKey = "*";

    /// <summary>yyyy-MM, or <see cref="MasterKey"/>.</summary>
    public string Month { get; set; } = string.Empty;

    public long Stamp { get; set; }
}
