using ComplaintDesk.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ComplaintDesk.Web.Tests.Data;

/// <summary>Both migration sets stay current with the model; the SQL Server script generates without a server.</summary>
public sealed class MigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Migrations_EachProvider_HaveNoPendingModelChanges(DatabaseProvider provider)
    {
        using var db = CreateContext(provider);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations lag the model: run eng/add-migration.sh NAME");
    }

    [Fact]
    public void SqlServerScript_AllMigrations_Generates()
    {
        using var db = CreateContext(DatabaseProvider.SqlServer);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Complaints]", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Complaints_Number]", script);
    }

    public static ComplaintDeskDbContext CreateContext(DatabaseProvider provider)
    {
        var builder = new DbContextOptionsBuilder<ComplaintDeskDbContext>();
        DataServiceCollectionExtensions.Configure(builder, provider, provider == DatabaseProvider.SqlServer
            ? "Server=localhost;Database=ComplaintDesk;User Id=sa;Password=Not-Used-1;TrustServerCertificate=True"
            : "Data Source=:memory:");
        return new ComplaintDeskDbContext(builder.Options);
    }
}
