using ComplaintDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintDesk.Data.Configurations;

public sealed class IdempotencyKeyConfiguration : IEntityTypeConfiguration<IdempotencyKey>
{
    public void Configure(EntityTypeBuilder<IdempotencyKey> builder)
    {
        builder.Property(k => k.UserId).HasMaxLength(IdempotencyKey.UserIdLength).IsRequired();
        builder.Property(k => k.Key).HasMaxLength(IdempotencyKey.KeyLength).IsRequired();
        builder.Property(k => k.RequestHash).HasMaxLength(IdempotencyKey.RequestHashLength).IsRequired();
        builder.HasIndex(k => new { k.UserId, k.Key }).IsUnique();
        builder.HasOne<ComplaintDesk.Domain.Complaints.Complaint>().WithMany().HasForeignKey(k => k.ComplaintId).OnDelete(DeleteBehavior.Cascade);
    }
}
