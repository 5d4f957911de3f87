using ComplaintDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintDesk.Data.Configurations;

public sealed class ReportDispatchConfiguration : IEntityTypeConfiguration<ReportDispatch>
{
    public void Configure(EntityTypeBuilder<ReportDispatch> builder)
    {
        builder.ToTable("ReportDispatches");
        builder.HasKey(d => d.Month);
        builder.Property(d => d.Month).HasMaxLength(7);
    }
}
