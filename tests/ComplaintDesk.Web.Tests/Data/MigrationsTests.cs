using ComplaintDesk.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ComplaintDesk.Web.Tests.Data;

/// <summary>Every migration set stays current with the model; the server scripts generate without a server.</summary>
public sealed class MigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    [InlineData(DatabaseProvider.PostgreSql)]
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

    [Fact]
    public void PostgreSqlScript_AllMigrations_Generates()
    {
        using var db = CreateContext(DatabaseProvider.PostgreSql);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE \"Complaints\"", script);
        Assert.Contains("CREATE UNIQUE INDEX \"IX_Complaints_Number\"", script);
        Assert.Contains("\"RegisteredAt\" timestamp with time zone NOT NULL", script);
    }

    public static ComplaintDeskDbContext CreateContext(DatabaseProvider provider)
    {
        var builder = new DbContextOptionsBuilder<ComplaintDeskDbContext>();
        DataServiceCollectionExtensions.Configure(builder, provider, provider switch
        {
            DatabaseProvider.SqlServer => "Server=localhost;Database=ComplaintDesk;User Id=sa;Password=Not-Used-1;TrustServerCertificate=True",
            DatabaseProvider.PostgreSql => "Host=localhost;Database=complaintdesk;Username=not-used",
            _ => "Data Source=:memory:",
        });
        return new ComplaintDeskDbContext(builder.Options);
    }
}
