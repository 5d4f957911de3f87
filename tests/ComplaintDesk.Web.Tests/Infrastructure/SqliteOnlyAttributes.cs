namespace ComplaintDesk.Web.Tests.Infrastructure;

/// <summary>A fact about something only SQLite has (its writer, its checkpoints, its file): skipped on PostgreSQL,
/// with the reason in the test report.</summary>
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute(string reason)
    {
        if (TestPostgres.Enabled)
        {
            Skip = "SQLite only: " + reason;
        }
    }
}

/// <summary>The theory form of <see cref="SqliteOnlyFactAttribute"/>.</summary>
public sealed class SqliteOnlyTheoryAttribute : TheoryAttribute
{
    public SqliteOnlyTheoryAttribute(string reason)
    {
        if (TestPostgres.Enabled)
        {
            Skip = "SQLite only: " + reason;
        }
    }
}
