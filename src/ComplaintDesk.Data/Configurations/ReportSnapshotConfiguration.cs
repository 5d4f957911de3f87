using ComplaintDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintDesk.Data.Configurations;

public sealed class ReportSnapshotConfiguration : IEntityTypeConfiguration<ReportSnapshot>
{
    public void Configure(EntityTypeBuilder<ReportSnapshot> builder)
    {
        builder.ToTable("ReportSnapshots");
        builder.HasKey(s => new { s.ScopeKey, s.Month, s.Kind });
        builder.Property(s => s.ScopeKey).HasMaxLength(100);
        builder.Property(s => s.Month).HasMaxLength(7);
        builder.Property(s => s.Kind).HasMaxLength(10);
        builder.Property(s => s.DataVersion).HasMaxLength(50);
    }
}

public sealed class ReportMonthVersionConfiguration : IEntityTypeConfiguration<ReportMonthVersion>
{
    public void Configure(EntityTypeBuilder<ReportMonthVersion> builder)
    {
        builder.ToTable("ReportMonthVersions");
        builder.HasKey(v => v.Month);
        builder.Property(v => v.Month).HasMaxLength(7);
        builder.Property(v => v.Stamp).ValueGeneratedNever();
    }
}
