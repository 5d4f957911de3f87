using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintDesk.Data.Configurations;

public sealed class ComplaintSearchTermConfiguration : IEntityTypeConfiguration<ComplaintSearchTerm>
{
    public void Configure(EntityTypeBuilder<ComplaintSearchTerm> builder)
    {
        builder.ToTable("ComplaintSearchTerms");

        // The key is the index: a token's complaints in id order, so a search reads its newest matches first and stops.
        builder.HasKey(t => new { t.Token, t.ComplaintId });
        builder.Property(t => t.Token).HasMaxLength(SearchTokens.MaxLength).IsRequired();
        builder.HasOne(t => t.Complaint).WithMany().HasForeignKey(t => t.ComplaintId).OnDelete(DeleteBehavior.Cascade);
    }
}
