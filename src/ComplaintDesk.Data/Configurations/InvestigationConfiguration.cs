using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Investigations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintDesk.Data.Configurations;

/// <summary>调查处理报告: one row per investigated complaint (docs/decisions/0014-investigations.md).</summary>
public sealed class InvestigationConfiguration : IEntityTypeConfiguration<Investigation>
{
    public void Configure(EntityTypeBuilder<Investigation> builder)
    {
        builder.ToTable("Investigations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.WhatHappened).HasMaxLength(FieldLimits.Stored(Investigation.TextLength)).IsRequired();
        builder.Property(i => i.Cause).HasMaxLength(FieldLimits.Stored(Investigation.TextLength)).IsRequired();
        builder.Property(i => i.ResponsibleDepartmentName).HasMaxLength(FieldLimits.Stored(Investigation.DepartmentNameLength)).IsRequired();
        builder.Property(i => i.ResponsiblePerson).HasMaxLength(FieldLimits.Stored(Investigation.PersonLength));
        builder.Property(i => i.WrittenById).HasMaxLength(FieldLimits.ActorId).IsRequired();
        builder.Property(i => i.WrittenByName).HasMaxLength(FieldLimits.Stored(FieldLimits.ActorName)).IsRequired();
        builder.Property(i => i.ReviewedById).HasMaxLength(FieldLimits.ActorId);
        builder.Property(i => i.ReviewedByName).HasMaxLength(FieldLimits.Stored(FieldLimits.ActorName));
        builder.Property(i => i.ReviewNote).HasMaxLength(FieldLimits.Stored(FieldLimits.Note));
        builder.HasIndex(i => i.ComplaintId).IsUnique();
    }
}

/// <summary>整改措施: the actions of every report, replaced drafts included; the open ones have their own clock.</summary>
public sealed class CorrectiveActionConfiguration : IEntityTypeConfiguration<CorrectiveAction>
{
    public void Configure(EntityTypeBuilder<CorrectiveAction> builder)
    {
        builder.ToTable("CorrectiveActions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Description).HasMaxLength(FieldLimits.Stored(CorrectiveAction.DescriptionLength)).IsRequired();
        builder.Property(a => a.OwnerDepartmentName).HasMaxLength(FieldLimits.Stored(Investigation.DepartmentNameLength)).IsRequired();
        builder.Property(a => a.CompletedById).HasMaxLength(FieldLimits.ActorId);
        builder.Property(a => a.CompletedByName).HasMaxLength(FieldLimits.Stored(FieldLimits.ActorName));
        builder.Property(a => a.CompletionNote).HasMaxLength(FieldLimits.Stored(FieldLimits.Note));
        builder.Property(a => a.VerifiedById).HasMaxLength(FieldLimits.ActorId);
        builder.Property(a => a.VerifiedByName).HasMaxLength(FieldLimits.Stored(FieldLimits.ActorName));
        builder.Property(a => a.VerificationNote).HasMaxLength(FieldLimits.Stored(FieldLimits.Note));
        builder.Ignore(a => a.Period);
        builder.Ignore(a => a.Cycle);
        builder.HasOne<Complaint>().WithMany(c => c.CorrectiveActions).HasForeignKey(a => a.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Entities.Department>().WithMany().HasForeignKey(a => a.OwnerDepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ComplaintId, a.No });

        // The clock's candidates: open actions whose next look has come (the rest have none and stay out of the index).
        builder.HasIndex(a => a.ClockDueAt).HasFilter("\"ClockDueAt\" IS NOT NULL");

        // The list of open actions (by due date) and the monthly report (opened, completed, verified in a month).
        builder.HasIndex(a => new { a.Status, a.DueAt });
        builder.HasIndex(a => a.OpenedAt);
        builder.HasIndex(a => a.CompletedAt);
        builder.HasIndex(a => a.VerifiedAt);
    }
}
