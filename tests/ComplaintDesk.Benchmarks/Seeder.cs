using System.Globalization;
using ComplaintDesk.Data;
using ComplaintDesk.Domain.Calendar;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Benchmarks;

/// <summary>Builds the database with the migrations, then inserts complaints with one prepared INSERT in one transaction.</summary>
public static class Seeder
{
    private const string DateFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    public static DbContextOptions<ComplaintDeskDbContext> Options(string path) =>
        (DbContextOptions<ComplaintDeskDbContext>)DataServiceCollectionExtensions
            .Configure(new DbContextOptionsBuilder<ComplaintDeskDbContext>(), DatabaseProvider.Sqlite, $"Data Source={path};Pooling=false")
            .Options;

    public static async Task<bool> EnsureAsync(HarnessOptions options)
    {
        if (File.Exists(options.DatabasePath) && await CountAsync(options.DatabasePath) == options.Count)
        {
            return false;
        }

        File.Delete(options.DatabasePath);
        await using (var db = new ComplaintDeskDbContext(Options(options.DatabasePath)))
        {
            await db.Database.MigrateAsync();
        }

        await using var connection = new SqliteConnection($"Data Source={options.DatabasePath};Pooling=false");
        await connection.OpenAsync();
        await Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
        await SeedMasterDataAsync(connection);
        await SeedComplaintsAsync(connection, options);
        await Execute(connection, "ANALYZE;");
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

    private static async Task SeedMasterDataAsync(SqliteConnection connection)
    {
        await Execute(connection, """
            INSERT INTO Projects (Id, Code, Name, Address, IsActive) VALUES (1,'YGHY','阳光花园',NULL,1),(2,'CHW','翠湖湾',NULL,1),(3,'JYHF','金域华府',NULL,1);
            INSERT INTO Departments (Id, Name, IsActive) VALUES (1,'客服部',1),(2,'工程部',1),(3,'秩序维护部',1),(4,'环境部',1),(5,'综合管理部',1);
            INSERT INTO Topics (Id, Name, DefaultDepartmentId, IsActive) VALUES
              (1,'电梯',2,1),(2,'秩序/安保',3,1),(3,'保洁/卫生',4,1),(4,'绿化',4,1),(5,'停车',3,1),(6,'维修服务',2,1),(7,'收费',1,1),
              (8,'噪音',3,1),(9,'装修管理',5,1),(10,'公共设施',2,1),(11,'服务态度',1,1),(12,'房屋质量',2,1),(13,'市政/外部',5,1);
            """);
    }

    private static async Task SeedComplaintsAsync(SqliteConnection connection, HarnessOptions options)
    {
        var calendar = CompanyCalendar.Default;
        var start = calendar.MonthRangeUtc(options.FirstMonth).StartUtc;
        var end = calendar.MonthRangeUtc(options.Month).EndUtc;
        var span = (end - start).Ticks;
        var random = new Random(20261127);
        var topicDepartment = new[] { 0, 2, 3, 4, 4, 3, 2, 1, 3, 5, 2, 1, 2, 5 };

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO Complaints (Id, Number, ProjectId, TopicId, Channel, ComplainantName, ComplainantKind, Phone, Location, Content, Type, Severity,
              Clauses, Flags, IsGroup, Status, DepartmentId, RegisteredAt, RegisteredById, RegisteredByName, DispatchedAt, DispatchedOnTime,
              ResolutionClockStart, OnHoldTotal, ResolvedAt, ResolvedOnTime, FollowedUpAt, LastFollowUpOutcome, FailedFollowUpAttempts, ClosedAt,
              WithdrawnAt, BecameMajorAt, ReopenCount, ResolutionDue, NextDueAt, Version, Accident, Cause, CompanyAtFault, ComplainantCount,
              DaysUnresolved, GovernmentReferralWithSocialImpact, InjuryOrMajorEconomicLoss, LinkedComplainantCount, MediaExposure,
              PromisedServiceNotDelivered, TimesRaisedUnresolved)
            VALUES ($id, $number, $project, $topic, $channel, '王女士', 0, '13812341234', '3栋2单元1101', $content, $type, $severity,
              '', '', $group, $status, $department, $registered, 'seed', '种子', $dispatched, $dispatchedOnTime,
              $registered, 0, $resolved, $resolvedOnTime, $followed, $outcome, 0, $closed,
              $withdrawn, $major, 0, $due, NULL, 1, 0, $cause, 0, 1,
              0, $government, 0, 0, 0,
              0, $raised)
            """;
        var names = new[]
        {
            "$id", "$number", "$project", "$topic", "$channel", "$content", "$type", "$severity", "$group", "$status", "$department", "$registered",
            "$dispatched", "$dispatchedOnTime", "$resolved", "$resolvedOnTime", "$followed", "$outcome", "$closed", "$withdrawn", "$major", "$due",
            "$cause", "$government", "$raised",
        };
        var p = names.ToDictionary(n => n, n => insert.Parameters.Add(n, SqliteType.Text));
        insert.Prepare();

        await using var followUp = connection.CreateCommand();
        followUp.Transaction = transaction;
        followUp.CommandText = "INSERT INTO FollowUps (ComplaintId, At, ActorId, ActorName, Method, Outcome, Note) VALUES ($c, $at, 'seed', '种子', 0, $o, NULL)";
        var fc = followUp.Parameters.Add("$c", SqliteType.Integer);
        var fat = followUp.Parameters.Add("$at", SqliteType.Text);
        var fo = followUp.Parameters.Add("$o", SqliteType.Integer);
        followUp.Prepare();

        // Registration instants in order, so that ids and numbers rise with time as in production.
        var instants = new long[options.Count];
        for (var i = 0; i < instants.Length; i++)
        {
            instants[i] = start.Ticks + (long)(random.NextDouble() * span);
        }

        Array.Sort(instants);
        var sequences = new Dictionary<string, int>();
        var content = "电梯停运两天无人处理，业主多次反映仍未解决，请尽快安排维修人员上门查看并给出处理时限。";
        for (var i = 0; i < instants.Length; i++)
        {
            var registered = new DateTime(instants[i], DateTimeKind.Utc);
            var month = calendar.MonthOf(registered).Compact;
            var sequence = sequences[month] = sequences.GetValueOrDefault(month) + 1;
            var type = Pick(random, 0.6, 0.25);
            int? severity = type == 0 ? Pick(random, 0.7, 0.25) : null;
            var topic = random.Next(1, 14);
            var age = end - registered;
            var status = Status(random, age);
            var dispatched = status == 0 ? (DateTime?)null : registered.AddMinutes(random.Next(1, 40));
            DateTime? resolved = status is 3 or 4 ? (dispatched ?? registered).AddHours(random.NextDouble() * 120) : null;
            DateTime? closed = status == 4 ? resolved!.Value.AddHours(random.NextDouble() * 72) : null;
            DateTime? withdrawn = status == 5 ? registered.AddHours(random.NextDouble() * 24) : null;
            var limit = type switch { 0 => severity switch { 0 => 24, 1 => 72, _ => 168 }, 1 => 360, _ => 48 };
            var due = status == 5 ? (DateTime?)null : registered.AddHours(limit);
            int? outcome = closed is null ? null : Pick(random, 0.7, 0.25);

            p["$id"].Value = i + 1;
            p["$number"].Value = string.Create(CultureInfo.InvariantCulture, $"TS{month}{sequence:D5}");
            p["$project"].Value = random.Next(1, 4);
            p["$topic"].Value = topic;
            p["$channel"].Value = random.Next(0, 8);
            p["$content"].Value = content;
            p["$type"].Value = type;
            p["$severity"].Value = (object?)severity ?? DBNull.Value;
            p["$group"].Value = random.NextDouble() < 0.02 ? 1 : 0;
            p["$status"].Value = status;
            p["$department"].Value = dispatched is null ? DBNull.Value : topicDepartment[topic];
            p["$registered"].Value = Format(registered)!;
            p["$dispatched"].Value = Format(dispatched) ?? (object)DBNull.Value;
            p["$dispatchedOnTime"].Value = dispatched is null ? DBNull.Value : (dispatched.Value - registered).TotalMinutes <= 20 ? 1 : 0;
            p["$resolved"].Value = Format(resolved) ?? (object)DBNull.Value;
            p["$resolvedOnTime"].Value = resolved is null ? DBNull.Value : resolved <= due ? 1 : 0;
            p["$followed"].Value = Format(closed) ?? (object)DBNull.Value;
            p["$outcome"].Value = (object?)outcome ?? DBNull.Value;
            p["$closed"].Value = Format(closed) ?? (object)DBNull.Value;
            p["$withdrawn"].Value = Format(withdrawn) ?? (object)DBNull.Value;
            p["$major"].Value = severity == 2 ? Format(registered)! : DBNull.Value;
            p["$due"].Value = Format(due) ?? (object)DBNull.Value;
            p["$cause"].Value = type;
            p["$government"].Value = random.NextDouble() < 0.01 ? 1 : 0;
            p["$raised"].Value = random.NextDouble() < 0.05 ? 2 : 1;
            await insert.ExecuteNonQueryAsync();

            if (closed is not null)
            {
                fc.Value = i + 1;
                fat.Value = Format(closed)!;
                fo.Value = outcome!.Value;
                await followUp.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
    }

    /// <summary>Older complaints are mostly closed; the last days' are still being worked on.</summary>
    private static int Status(Random random, TimeSpan age)
    {
        var roll = random.NextDouble();
        if (age < TimeSpan.FromDays(3))
        {
            return roll switch { < 0.15 => 0, < 0.5 => 1, < 0.55 => 2, < 0.8 => 3, < 0.98 => 4, _ => 5 };
        }

        return roll switch { < 0.005 => 1, < 0.01 => 2, < 0.03 => 3, < 0.98 => 4, _ => 5 };
    }

    private static int Pick(Random random, double first, double second)
    {
        var roll = random.NextDouble();
        return roll < first ? 0 : roll < first + second ? 1 : 2;
    }

    private static string? Format(DateTime? value) => value?.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
