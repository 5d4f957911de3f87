using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintDesk.Data.Configurations;

public sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(Project.CodeLength).IsRequired();
        builder.Property(p => p.Name).HasMaxLength(FieldLimits.Stored(Project.NameLength)).IsRequired();
        builder.Property(p => p.Address).HasMaxLength(FieldLimits.Stored(Project.AddressLength));
        builder.HasIndex(p => p.Code).IsUnique();
    }
}

public sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(FieldLimits.Stored(Department.NameLength)).IsRequired();
        builder.HasIndex(d => d.Name).IsUnique();
    }
}

public sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(FieldLimits.Stored(Topic.NameLength)).IsRequired();
        builder.HasIndex(t => t.Name).IsUnique();
        builder.HasOne(t => t.DefaultDepartment).WithMany().HasForeignKey(t => t.DefaultDepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(FieldLimits.Stored(StaffUser.DisplayNameLength)).IsRequired();
        builder.HasMany(u => u.Projects).WithOne().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class StaffProjectConfiguration : IEntityTypeConfiguration<StaffProject>
{
    public void Configure(EntityTypeBuilder<StaffProject> builder)
    {
        builder.HasKey(p => new { p.UserId, p.ProjectId });
        builder.HasOne(p => p.Project).WithMany().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ProcedureSettingsConfiguration : IEntityTypeConfiguration<ProcedureSettings>
{
    public void Configure(EntityTypeBuilder<ProcedureSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.TimeZoneId).HasMaxLength(ProcedureSettings.TimeZoneIdLength).IsRequired();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasData(new ProcedureSettings());
    }
}

public sealed class MonthlySequenceConfiguration : IEntityTypeConfiguration<MonthlySequence>
{
    public void Configure(EntityTypeBuilder<MonthlySequence> builder)
    {
        builder.HasKey(s => s.Month);
        builder.Property(s => s.Month).HasMaxLength(6);
    }
}

public sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(FieldLimits.Stored(Attachment.FileNameLength)).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(Attachment.ContentTypeLength).IsRequired();
        builder.Property(a => a.StorageKey).HasMaxLength(Attachment.StorageKeyLength).IsRequired();
        builder.Property(a => a.UploadedById).HasMaxLength(64).IsRequired();
        builder.Property(a => a.UploadedByName).HasMaxLength(FieldLimits.Stored(FieldLimits.ActorName)).IsRequired();
        builder.HasOne<ComplaintDesk.Domain.Complaints.Complaint>().WithMany().HasForeignKey(a => a.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.ComplaintId);
    }
}

public sealed class ReferralSourceConfiguration : IEntityTypeConfiguration<ReferralSource>
{
    public void Configure(EntityTypeBuilder<ReferralSource> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(FieldLimits.Stored(ReferralSource.NameLength)).IsRequired();
        builder.HasIndex(s => s.Name).IsUnique();
        builder.Ignore(s => s.Defaults);

        // The master list of issue 17 with the deadlines such bodies commonly set (docs/decisions/0013-referrals.md);
        // administrators change them.
        builder.HasData(
            new ReferralSource { Id = 1, Name = "12345 热线", SignForHours = 2, FirstFeedbackHours = 24, CompletionHours = 5 * 24 },
            new ReferralSource { Id = 2, Name = "住建部门", SignForHours = 24, FirstFeedbackHours = 48, CompletionHours = 15 * 24 },
            new ReferralSource { Id = 3, Name = "街道/社区", SignForHours = 24, FirstFeedbackHours = 48, CompletionHours = 7 * 24 },
            new ReferralSource { Id = 4, Name = "其他" });
    }
}
