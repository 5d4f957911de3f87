using System.Net;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ComplaintDesk.Web.Tests.Account;

/// <summary>The database goes away and comes back: a clear Chinese page, readiness fails, then recovery.</summary>
public sealed class DatabaseUnavailableTests : IAsyncLifetime
{
    private readonly DeskAppFactory _app = new();

    public async Task InitializeAsync() => await _app.StartAsync();

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Database_MissingThenBack_ErrorPageAndNotReadyThenRecovers()
    {
        using var client = await _app.SignInAsync("clerk");
        var file = Path.Combine(_app.DataFolder, "complaintdesk.db");
        var aside = file + ".aside";

        TakeAway(file, aside);
        try
        {
            var page = await client.PostFormAsync("/Account/ChangePassword", new()
            {
                ["CurrentPassword"] = "Demo@2026", ["NewPassword"] = "Demo@2027x", ["ConfirmPassword"] = "Demo@2027x",
            });
            var ready = await client.GetAsync("/health/ready");
            var live = await client.GetAsync("/health/live");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Contains("数据库暂时无法访问", await page.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }
        finally
        {
            GiveBack(file, aside);
        }

        var recovered = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    /// <summary>SQLite: the file moved away; PostgreSQL: the database closed to connections.</summary>
    private void TakeAway(string file, string aside)
    {
        if (_app.PostgresConnectionString is { } postgres)
        {
            TestPostgres.SetAvailable(postgres, available: false);
            return;
        }

        SqliteConnection.ClearAllPools();
        File.Move(file, aside);
    }

    private void GiveBack(string file, string aside)
    {
        if (_app.PostgresConnectionString is { } postgres)
        {
            TestPostgres.SetAvailable(postgres, available: true);
            return;
        }

        SqliteConnection.ClearAllPools();
        File.Delete(file);
        File.Move(aside, file);
        SqliteConnection.ClearAllPools();
    }
}
