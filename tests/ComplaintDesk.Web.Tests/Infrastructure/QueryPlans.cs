using System.Text.RegularExpressions;
using ComplaintDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Tests.Infrastructure;

/// <summary>Contexts for checking the app's queries without a server: SQL Server for translation, in-memory SQLite for plans.</summary>
public static partial class QueryPlans
{
    /// <summary>A SQL Server context that never connects (ToQueryString needs no server).</summary>
    public static ComplaintDeskDbContext SqlServer() => Context(DatabaseProvider.SqlServer,
        "Server=localhost;Database=ComplaintDesk;Trusted_Connection=True;TrustServerCertificate=True");

    /// <summary>An open in-memory SQLite context; <paramref name="create"/>: with the schema (needed for a plan).</summary>
    public static ComplaintDeskDbContext Sqlite(bool create = true)
    {
        var db = Context(DatabaseProvider.Sqlite, "Data Source=:memory:");
        if (create)
        {
            db.Database.OpenConnection();
            db.Database.EnsureCreated();
        }

        return db;
    }

    /// <summary>SQLite's EXPLAIN QUERY PLAN of a query, one line per step; every parameter bound to NULL (plans do not depend on values).</summary>
    public static List<string> Of(ComplaintDeskDbContext db, IQueryable query)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        using var command = db.Database.GetDbConnection().CreateCommand();
        var sql = string.Join('\n', query.ToQueryString().Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in ParameterName().Matches(sql).Select(m => m.Value).Distinct())
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
        }

        var plan = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }

    private static ComplaintDeskDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var options = DataServiceCollectionExtensions.Configure(new DbContextOptionsBuilder<ComplaintDeskDbContext>(), provider, connectionString).Options;
        return new ComplaintDeskDbContext((DbContextOptions<ComplaintDeskDbContext>)options);
    }

    [GeneratedRegex(@"@\w+")]
    private static partial Regex ParameterName();
}
