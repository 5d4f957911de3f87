using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintDesk.Data.Configurations;

public sealed class EscalationEventConfiguration : IEntityTypeConfiguration<EscalationEvent>
{
    public void Configure(EntityTypeBuilder<EscalationEvent> builder)
    {
        builder.ToTable("EscalationEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Detail).HasMaxLength(EscalationEvent.DetailLength).IsRequired();
        builder.Property(e => e.Limit).HasConversion<long?>();
        builder.Property(e => e.AcknowledgedById).HasMaxLength(FieldLimits.ActorId);
        builder.Property(e => e.AcknowledgedByName).HasMaxLength(FieldLimits.Stored(FieldLimits.ActorName));
        builder.Property(e => e.AcknowledgeNote).HasMaxLength(FieldLimits.Stored(FieldLimits.Note));
        builder.HasOne<Complaint>().WithMany().HasForeignKey(e => e.ComplaintId).OnDelete(DeleteBehavior.Cascade);

        // Exactly once across instances: a second insert of the same escalation fails here.
        builder.HasIndex(e => new { e.ComplaintId, e.Kind, e.Cycle }).IsUnique();

        // The navigation count: unacknowledged escalations within a person's projects.
        builder.HasIndex(e => new { e.AcknowledgedAt, e.ProjectId });

        // A manager's badge (level 2 only, on every page): answered from the index alone, however many level-1
        // escalations wait beside them.
        builder.HasIndex(e => new { e.AcknowledgedAt, e.Kind, e.ProjectId });
        builder.HasIndex(e => new { e.ProjectId, e.OccurredAt });
    }
}

public sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("Incidents");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Name).HasMaxLength(FieldLimits.Stored(Incident.NameLength)).IsRequired();
        builder.Property(i => i.CreatedById).HasMaxLength(FieldLimits.ActorId).IsRequired();
        builder.Property(i => i.CreatedByName).HasMaxLength(FieldLimits.Stored(FieldLimits.ActorName)).IsRequired();
        builder.HasOne<Project>().WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Topic>().WithMany().HasForeignKey(i => i.TopicId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany<Complaint>().WithOne().HasForeignKey(c => c.IncidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.ProjectId, i.Id });
    }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.UserId).HasMaxLength(FieldLimits.ActorId).IsRequired();
        builder.Property(n => n.Message).HasMaxLength(Notification.MessageLength).IsRequired();
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Complaint>().WithMany().HasForeignKey(n => n.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.HasIndex(n => new { n.UserId, n.Id });
    }
}

public sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> builder)
    {
        builder.ToTable("OutboxMails");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.To).HasMaxLength(OutboxMail.ToLength).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(OutboxMail.SubjectLength).IsRequired();
        builder.Property(m => m.Body).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(OutboxMail.ErrorLength);
        builder.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.OutboxMailId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.NextAttemptAt);
    }
}

public sealed class OutboxMailAttachmentConfiguration : IEntityTypeConfiguration<OutboxMailAttachment>
{
    public void Configure(EntityTypeBuilder<OutboxMailAttachment> builder)
    {
        builder.ToTable("OutboxMailAttachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.FileName).HasMaxLength(OutboxMailAttachment.FileNameLength).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(OutboxMailAttachment.ContentTypeLength).IsRequired();
        builder.Property(a => a.Content).IsRequired();
    }
}
