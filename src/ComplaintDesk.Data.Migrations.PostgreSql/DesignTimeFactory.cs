using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ComplaintDesk.Data.Migrations.PostgreSql;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL migrations without a server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ComplaintDeskDbContext>
{
    public ComplaintDeskDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<ComplaintDeskDbContext>();
        DataServiceCollectionExtensions.Configure(builder, DatabaseProvider.PostgreSql,
            "Host=localhost;Database=complaintdesk;Username=complaintdesk");
        return new ComplaintDeskDbContext(builder.Options);
    }
}
