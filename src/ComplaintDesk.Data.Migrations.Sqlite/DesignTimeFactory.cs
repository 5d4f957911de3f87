using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ComplaintDesk.Data.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the SQLite migrations without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ComplaintDeskDbContext>
{
    public ComplaintDeskDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<ComplaintDeskDbContext>();
        DataServiceCollectionExtensions.Configure(builder, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new ComplaintDeskDbContext(builder.Options);
    }
}
