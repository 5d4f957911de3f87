using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ComplaintDesk.Web.Tests.Data;

/// <summary>
/// The hand-written SQL of the migrations, run for real. PhoneNormalized's backfill, run for real on this test run's provider (SQLite, or
/// PostgreSQL with COMPLAINTDESK_TEST_POSTGRES): rows stored before the column existed, in every form the old intake
/// check let through, get what <see cref="PhoneNumber"/> makes of them, or NULL where SQL cannot tell.
/// </summary>
public sealed class MigrationBackfillTests
{
    // Typed as the old check allowed ([0-9+\-() ]), and what the backfill must store.
    private static readonly string[] _readable =
    [
        "13812345678", "138 1234 5678", "138-1234-5678", "+86 138 1234 5678", "+8613812345678", "008613812345678",
        "(010)12345678", "010-1234567", "0755-88881234", "0755 8888123", "+86 10 1234 5678", "+86 (0755) 8888 1234",
        "+852 9123 4567", "00852 91234567", "+853 6612 3456", "+886 912 345 678", "+886 0912 345 678", "+1 415 555 0100",
        "+44 20 7946 0958",
    ];

    [Fact]
    public void LossFacts_DownAndUp_OldQuestionReadAsMajorLoss()
    {
        ClassificationFacts[] facts =
        [
            new(Cause.ManagementService, Injury: true),
            new(Cause.ManagementService, EconomicLoss: true),
            new(Cause.ManagementService, EconomicLoss: true, LossIsMajor: true),
            new(Cause.ManagementService),
        ];
        var connectionString = TestPostgres.Enabled
            ? TestPostgres.CreateDatabase()
            : $"Data Source={Path.Combine(Path.GetTempPath(), $"cd-backfill-{Guid.NewGuid():N}.db")}";
        var provider = TestPostgres.Enabled ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
        try
        {
            var builder = new DbContextOptionsBuilder<ComplaintDeskDbContext>();
            DataServiceCollectionExtensions.Configure(builder, provider, connectionString);
            using var db = new ComplaintDeskDbContext(builder.Options);
            db.Database.Migrate();
            var project = new Project { Code = "P1", Name = "阳光花园" };
            var topic = new Topic { Name = "电梯" };
            db.AddRange(project, topic);
            db.SaveChanges();
            for (var i = 0; i < facts.Length; i++)
            {
                var intake = new ComplaintIntake(project.Id, topic.Id, null, Channel.Phone, "王女士", ComplainantKind.Owner, "13800000000", "1栋", "车库道闸砸车", facts[i]);
                db.Complaints.Add(Complaint.Register(intake, $"TS20261100{i:D2}", Actor.System, new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc), ClassificationPolicy.Default));
            }

            db.SaveChanges();
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            migrator.Migrate(migrations[migrations.FindIndex(m => m.EndsWith("_LossFacts", StringComparison.Ordinal)) - 1]);
            migrator.Migrate();
            db.ChangeTracker.Clear();

            var stored = db.Complaints.OrderBy(c => c.Id).Select(c => c.Facts).ToList().Select(f => (f.Injury, f.EconomicLoss, f.LossIsMajor)).ToList();
            Assert.Equal([(false, true, true), (false, false, false), (false, true, true), (false, false, false)], stored);
        }
        finally
        {
            Drop(connectionString);
        }
    }

    [Fact]
    public void FollowUpRulesAndOwner_DownAndUp_ResolverAttemptTimesSecondFollowUpRulesOnAndOwners()
    {
        var connectionString = TestPostgres.Enabled
            ? TestPostgres.CreateDatabase()
            : $"Data Source={Path.Combine(Path.GetTempPath(), $"cd-backfill-{Guid.NewGuid():N}.db")}";
        var provider = TestPostgres.Enabled ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
        try
        {
            var builder = new DbContextOptionsBuilder<ComplaintDeskDbContext>();
            DataServiceCollectionExtensions.Configure(builder, provider, connectionString);
            using var db = new ComplaintDeskDbContext(builder.Options);
            db.Database.Migrate();
            var project = new Project { Code = "P1", Name = "阳光花园" };
            var topic = new Topic { Name = "电梯" };
            var department = new Department { Name = "工程部" };
            db.AddRange(project, topic, department);
            db.SaveChanges();
            var resolver = Actor.Staff("u-resolver", "王小丽", StaffRole.Clerk);
            var caller = Actor.Staff("u-caller", "李主管", StaffRole.Supervisor);
            var t = new DateTime(2026, 11, 2, 1, 0, 0, DateTimeKind.Utc);
            Complaint Resolved(int i)
            {
                var intake = new ComplaintIntake(project.Id, topic.Id, null, Channel.Phone, "王女士", ComplainantKind.Owner, "13800000000", "1栋", "电梯停运", new ClassificationFacts(Cause.ManagementService));
                var c = Complaint.Register(intake, $"TS20261100{i:D2}", resolver, t, ClassificationPolicy.Default);
                c.Dispatch(department.Id, null, null, resolver, t.AddMinutes(5), Domain.TimeLimits.TimeLimitPolicy.Default);
                c.Resolve("已修复", resolver, t.AddHours(2), Domain.TimeLimits.TimeLimitPolicy.Default);
                return c;
            }

            var unreachable = Resolved(1);
            unreachable.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Unreachable, null, caller, t.AddHours(3), ClassificationPolicy.Default);
            var dissatisfied = Resolved(2);
            dissatisfied.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Dissatisfied, null, caller, t.AddHours(3), ClassificationPolicy.Default);
            var closed = Resolved(3);
            closed.RecordFollowUp(FollowUpMethod.Phone, FollowUpOutcome.Satisfied, null, caller, t.AddHours(3), ClassificationPolicy.Default);
            db.Complaints.AddRange(unreachable, dissatisfied, closed);
            db.SaveChanges();
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            migrator.Migrate(migrations[migrations.FindIndex(m => m.EndsWith("_FollowUpRules", StringComparison.Ordinal)) - 1]);
            migrator.Migrate();
            db.ChangeTracker.Clear();

            var stored = db.Complaints.AsNoTracking().OrderBy(c => c.Id).ToList();
            Assert.Equal(["u-resolver", null, "u-resolver"], stored.Select(c => c.ResolvedById));
            Assert.Equal([false, true, false], stored.Select(c => c.NeedsSecondFollowUp));
            Assert.All(db.FollowUps.AsNoTracking().ToList(), f => Assert.Equal(t.AddHours(3), f.AttemptedAt));
            var settings = db.ProcedureSettings.AsNoTracking().Single();
            Assert.True(settings.FollowUpNotByResolver && settings.FollowUpSeniorForMajorAndImportant
                && settings.FollowUpSecondAfterDissatisfied && settings.FollowUpUnreachableOnDifferentDays);

            // ComplaintOwner: every complaint registered before owners existed is owned by who registered it.
            migrator.Migrate(migrations[migrations.FindIndex(m => m.EndsWith("_ComplaintOwner", StringComparison.Ordinal)) - 1]);
            migrator.Migrate();
            db.ChangeTracker.Clear();
            Assert.All(db.Complaints.AsNoTracking().ToList(), c => Assert.Equal(("u-resolver", "王小丽"), (c.OwnerId, c.OwnerName)));
        }
        finally
        {
            Drop(connectionString);
        }
    }

    [Fact]
    public void Backfill_OldRows_StoreWhatPhoneNumberMakesOfThem()
    {
        string[] unreadable = ["138123", "12345", "(0)12345", "011-12345678", "+0 123456789", "010-12345678-123"];
        var phones = _readable.Concat(unreadable).ToList();
        var connectionString = TestPostgres.Enabled
            ? TestPostgres.CreateDatabase()
            : $"Data Source={Path.Combine(Path.GetTempPath(), $"cd-backfill-{Guid.NewGuid():N}.db")}";
        var provider = TestPostgres.Enabled ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
        try
        {
            var builder = new DbContextOptionsBuilder<ComplaintDeskDbContext>();
            DataServiceCollectionExtensions.Configure(builder, provider, connectionString);
            using var db = new ComplaintDeskDbContext(builder.Options);
            db.Database.Migrate();
            var project = new Project { Code = "P1", Name = "阳光花园" };
            var topic = new Topic { Name = "电梯" };
            db.AddRange(project, topic);
            db.SaveChanges();
            var ids = new List<long>();
            for (var i = 0; i < phones.Count; i++)
            {
                var intake = new ComplaintIntake(project.Id, topic.Id, null, Channel.Phone, "王女士", ComplainantKind.Owner, "13800000000", "1栋", "电梯故障",
                    new ClassificationFacts(Cause.ManagementService));
                var complaint = Complaint.Register(intake, $"TS20261100{i:D2}", Actor.System, new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc), ClassificationPolicy.Default);
                db.Complaints.Add(complaint);
                db.SaveChanges();
                ids.Add(complaint.Id);
                var phone = phones[i];
                db.Complaints.Where(c => c.Id == complaint.Id).ExecuteUpdate(s => s.SetProperty(c => c.Phone, phone));
            }

            // Back to the schema before the column, then forward again: the backfill runs over the rows.
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            var index = migrations.FindIndex(m => m.EndsWith("_PhoneNormalized", StringComparison.Ordinal));
            migrator.Migrate(migrations[index - 1]);
            migrator.Migrate();
            db.ChangeTracker.Clear();

            var stored = db.Complaints.Where(c => ids.Contains(c.Id)).OrderBy(c => c.Id).Select(c => new { c.Phone, c.PhoneNormalized }).ToList();
            var expected = phones.Select(p => unreadable.Contains(p) ? null : PhoneNumber.Parse(p).Normalized).ToList();
            Assert.Equal(expected, stored.Select(s => s.PhoneNormalized).ToList());
            Assert.Equal(phones, stored.Select(s => s.Phone).ToList());
        }
        finally
        {
            Drop(connectionString);
        }
    }

    private static void Drop(string connectionString)
    {
        if (TestPostgres.Enabled)
        {
            TestPostgres.DropDatabase(connectionString);
        }
        else
        {
            SqliteConnection.ClearAllPools();
            File.Delete(new SqliteConnectionStringBuilder(connectionString).DataSource);
        }
    }
}
