using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Complaints;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Data;

/// <summary>The one provider-neutral context: complaints, master data, staff and settings.</summary>
public sealed class ComplaintDeskDbContext(DbContextOptions<ComplaintDeskDbContext> options)
    : IdentityDbContext<StaffUser>(options), IDataProtectionKeyContext
{
    public DbSet<Complaint> Complaints => Set<Complaint>();

    public DbSet<TimelineEntry> TimelineEntries => Set<TimelineEntry>();

    public DbSet<FollowUp> FollowUps => Set<FollowUp>();

    public DbSet<ComplaintSearchTerm> ComplaintSearchTerms => Set<ComplaintSearchTerm>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<Topic> Topics => Set<Topic>();

    public DbSet<ReferralSource> ReferralSources => Set<ReferralSource>();

    public DbSet<StaffProject> StaffProjects => Set<StaffProject>();

    public DbSet<ProcedureSettings> ProcedureSettings => Set<ProcedureSettings>();

    public DbSet<MonthlySequence> MonthlySequences => Set<MonthlySequence>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<IdempotencyKey> IdempotencyKeys => Set<IdempotencyKey>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ReportDispatch> ReportDispatches => Set<ReportDispatch>();

    public DbSet<ReportSnapshot> ReportSnapshots => Set<ReportSnapshot>();

    public DbSet<ReportMonthVersion> ReportMonthVersions => Set<ReportMonthVersion>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ComplaintDeskDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are stored in UTC and come back marked as UTC on every provider.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }
}
