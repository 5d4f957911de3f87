using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ComplaintDesk.Data.Migrations.SqlServer;

/// <summary>Lets <c>dotnet ef</c> build the SQL Server migrations without a server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ComplaintDeskDbContext>
{
    public ComplaintDeskDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<ComplaintDeskDbContext>();
        DataServiceCollectionExtensions.Configure(builder, DatabaseProvider.SqlServer,
            "Server=(local);Database=ComplaintDesk;Trusted_Connection=True;TrustServerCertificate=True");
        return new ComplaintDeskDbContext(builder.Options);
    }
}
