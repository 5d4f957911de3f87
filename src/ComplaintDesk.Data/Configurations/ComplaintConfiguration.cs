using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintDesk.Data.Configurations;

public sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.ToTable("Complaints");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Number).HasMaxLength(ComplaintNumber.MaxLength).IsRequired();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Property(c => c.ComplainantName).HasMaxLength(FieldLimits.Stored(FieldLimits.ComplainantName)).IsRequired();
        builder.Property(c => c.Phone).HasMaxLength(FieldLimits.Phone).IsRequired();

        // One complainant is one normalised number (3.1.2(e)'s distinct complainants, the repeat finder).
        builder.Property(c => c.PhoneNormalized).HasMaxLength(PhoneNumber.MaxNormalizedLength);
        builder.HasIndex(c => c.PhoneNormalized);
        builder.Property(c => c.Location).HasMaxLength(FieldLimits.Stored(FieldLimits.Location)).IsRequired();
        builder.Property(c => c.Content).HasMaxLength(FieldLimits.Stored(FieldLimits.Content)).IsRequired();
        builder.Property(c => c.Clauses).HasMaxLength(FieldLimits.Clauses).IsRequired();
        builder.Property(c => c.Flags).HasMaxLength(FieldLimits.Flags).IsRequired();
        builder.Property(c => c.AssigneeName).HasMaxLength(FieldLimits.Stored(FieldLimits.AssigneeName));
        builder.Property(c => c.ExternalParty).HasMaxLength(FieldLimits.Stored(FieldLimits.ExternalParty));
        builder.Property(c => c.Resolution).HasMaxLength(FieldLimits.Stored(FieldLimits.Note));
        builder.Property(c => c.RegisteredById).HasMaxLength(FieldLimits.ActorId).IsRequired();
        builder.Property(c => c.RegisteredByName).HasMaxLength(FieldLimits.Stored(FieldLimits.ActorName)).IsRequired();
        builder.Property(c => c.ResolvedById).HasMaxLength(FieldLimits.ActorId);
        builder.Property(c => c.OwnerId).HasMaxLength(FieldLimits.ActorId).IsRequired();
        builder.Property(c => c.OwnerName).HasMaxLength(FieldLimits.Stored(FieldLimits.ActorName)).IsRequired();

        // 我负责的: the owner's complaints, newest first by keyset.
        builder.HasIndex(c => new { c.OwnerId, c.Id });

        // TimeSpan maps to SQL Server's time(7), which cannot hold more than a day: store ticks.
        builder.Property(c => c.OnHoldTotal).HasConversion<long>();
        builder.Property(c => c.Version).IsConcurrencyToken();

        builder.ComplexProperty(c => c.Facts, facts =>
        {
            facts.Property(f => f.Cause).HasColumnName("Cause");
            facts.Property(f => f.CompanyAtFault).HasColumnName("CompanyAtFault");
            facts.Property(f => f.Accident).HasColumnName("Accident");
            facts.Property(f => f.Injury).HasColumnName("Injury");
            facts.Property(f => f.EconomicLoss).HasColumnName("EconomicLoss");
            facts.Property(f => f.LossIsMajor).HasColumnName("LossIsMajor");
            facts.Property(f => f.MediaExposure).HasColumnName("MediaExposure");
            facts.Property(f => f.PromisedServiceNotDelivered).HasColumnName("PromisedServiceNotDelivered");
            facts.Property(f => f.TimesRaisedUnresolved).HasColumnName("TimesRaisedUnresolved");
            facts.Property(f => f.GovernmentReferralWithSocialImpact).HasColumnName("GovernmentReferralWithSocialImpact");
            facts.Property(f => f.ComplainantCount).HasColumnName("ComplainantCount");
            facts.Property(f => f.DaysUnresolved).HasColumnName("DaysUnresolved");
            facts.Property(f => f.LinkedComplainantCount).HasColumnName("LinkedComplainantCount");
        });

        builder.HasOne<Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Topic>().WithMany().HasForeignKey(c => c.TopicId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(c => c.DepartmentId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(c => c.Timeline).WithOne().HasForeignKey(t => t.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Timeline).HasField("_timeline").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.FollowUps).WithOne().HasForeignKey(f => f.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.FollowUps).HasField("_followUps").UsePropertyAccessMode(PropertyAccessMode.Field);
        // The investigation (issue 17): its status on the complaint for the close rule, the report and actions beside it.
        builder.HasOne(c => c.Investigation).WithOne().HasForeignKey<Domain.Investigations.Investigation>(i => i.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.CorrectiveActions).HasField("_correctiveActions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(c => c.CurrentCorrectiveActions);
        // 政府转办: in the complaint's row (always loaded with it: the close rule and the clock read it), columns Referral_*.
        builder.ComplexProperty(c => c.Referral, referral =>
        {
            referral.Property(r => r.SourceName).HasMaxLength(FieldLimits.Stored(Referral.SourceNameLength)).IsRequired();
            referral.Property(r => r.TicketNumber).HasMaxLength(Referral.TicketNumberLength).IsRequired();
            referral.Property(r => r.FirstFeedbackNote).HasMaxLength(FieldLimits.Stored(FieldLimits.Note));
            referral.Property(r => r.ReplyText).HasMaxLength(FieldLimits.Stored(FieldLimits.Note));
            referral.Property(r => r.ReplyById).HasMaxLength(FieldLimits.ActorId);
            referral.Property(r => r.ReplyByName).HasMaxLength(FieldLimits.Stored(FieldLimits.ActorName));
            referral.Property(r => r.PendingReason).HasMaxLength(FieldLimits.Stored(FieldLimits.Note));
        });
        builder.Ignore(c => c.Events);
        builder.Ignore(c => c.IsMajor);

        // List pages page by keyset on Id within a project; reports cut by registration time.
        builder.HasIndex(c => new { c.ProjectId, c.Id });
        builder.HasIndex(c => new { c.Status, c.Id });
        // Reports cut by registration time; the trailing columns cover the monthly report's grouped counts, so
        // SQLite answers them from the index alone (docs/performance.md).
        builder.HasIndex(c => new
        {
            c.RegisteredAt, c.ProjectId, c.Type, c.Severity, c.TopicId, c.Channel, c.DepartmentId, c.DispatchedOnTime, c.IsGroup, c.ClosedAt,
            c.IsRepeat, c.IsGovernmentReferral, c.ReopenCount,
        }).HasDatabaseName("IX_Complaints_RegisteredAt_Report");
        builder.HasIndex(c => new { c.ProjectId, c.RegisteredAt });
        builder.HasIndex(c => new { c.Status, c.NextDueAt });

        // The clock's candidates: complaints whose next look has come. Finished complaints (most of them) have none
        // and stay out of the index; the filter reads the same on SQLite, SQL Server and PostgreSQL (standard quotes).
        builder.HasIndex(c => c.ClockDueAt).HasFilter("\"ClockDueAt\" IS NOT NULL");

        // The monthly report cuts by resolution, withdrawal and upgrade time as well (open at month end,
        // resolved in the month, major in the month).
        builder.HasIndex(c => new { c.ResolvedAt, c.ProjectId, c.Type, c.ResolvedOnTime, c.FollowedUpAt, c.HoursToResolve, c.RegisteredAt, c.ResolutionDue })
            .HasDatabaseName("IX_Complaints_ResolvedAt_Report");
        builder.HasIndex(c => c.WithdrawnAt);
        builder.HasIndex(c => new { c.Status, c.RegisteredAt, c.ProjectId, c.Type, c.ResolutionDue }).HasDatabaseName("IX_Complaints_Status_RegisteredAt_Report");
        builder.HasIndex(c => c.BecameMajorAt);
    }
}

public sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> builder)
    {
        builder.ToTable("TimelineEntries");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.ActorId).HasMaxLength(FieldLimits.ActorId).IsRequired();
        builder.Property(t => t.ActorName).HasMaxLength(FieldLimits.Stored(FieldLimits.ActorName)).IsRequired();
        builder.Property(t => t.Note).HasMaxLength(FieldLimits.Stored(FieldLimits.Note));
        builder.Property(t => t.Detail).HasMaxLength(FieldLimits.Detail);
        builder.HasIndex(t => new { t.ComplaintId, t.Id });
    }
}

public sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.ToTable("FollowUps");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.ActorId).HasMaxLength(FieldLimits.ActorId).IsRequired();
        builder.Property(f => f.ActorName).HasMaxLength(FieldLimits.Stored(FieldLimits.ActorName)).IsRequired();
        builder.Property(f => f.Note).HasMaxLength(FieldLimits.Stored(FieldLimits.Note));
        builder.Property(f => f.PhoneCalled).HasMaxLength(FieldLimits.Phone);

        // Satisfaction in the monthly report counts follow-ups by when they were made.
        builder.HasIndex(f => new { f.At, f.Outcome, f.ComplaintId });
    }
}
