using System.Globalization;
using ComplaintDesk.Data;
using ComplaintDesk.Web.Tools;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintDesk.Benchmarks;

/// <summary>
/// The harness's database: built by the migrations and filled by the app's own <see cref="DataGenerator"/> (the one
/// seeding routine), with the clock five days after the report month so that its 36 months end there.
/// </summary>
public static class Database
{
    public static DbContextOptions<ComplaintDeskDbContext> Options(string path, TimeProvider clock) =>
        (DbContextOptions<ComplaintDeskDbContext>)DataServiceCollectionExtensions
            .Configure(new DbContextOptionsBuilder<ComplaintDeskDbContext>(), DatabaseProvider.Sqlite, $"Data Source={path}")
            .AddInterceptors(new ReportVersionInterceptor(clock))
            .Options;

    public static FakeTimeProvider ClockFor(HarnessOptions options)
    {
        var end = new DateTime(options.Month.Year, options.Month.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
        return new FakeTimeProvider(new DateTimeOffset(end.AddDays(5), TimeSpan.Zero));
    }

    public static async Task<bool> EnsureAsync(HarnessOptions options)
    {
        if (File.Exists(options.DatabasePath) && await CountAsync(options.DatabasePath) == options.Count)
        {
            return false;
        }

        SqliteConnection.ClearAllPools();
        File.Delete(options.DatabasePath);
        var clock = ClockFor(options);
        await using var db = new ComplaintDeskDbContext(Options(options.DatabasePath, clock));
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var generator = new DataGenerator(db, new ProcedurePolicies(db, cache), clock);
        var result = await generator.GenerateAsync(options.Count, 36, 200, new Progress<int>(n =>
        {
            if (n % 100_000 == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  generated {n:N0}"));
            }
        }));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generated {result.Complaints:N0} complaints, {result.FollowUps:N0} follow-ups in {result.Elapsed.TotalSeconds:F1} s"));
        await db.Database.ExecuteSqlRawAsync("ANALYZE;");
        return true;
    }

    private static async Task<long> CountAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Complaints";
        try
        {
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (SqliteException)
        {
            return -1;
        }
    }
}
