using ComplaintDesk.Data;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Procedure;
using ComplaintDesk.Web.Tests.Escalations;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintDesk.Web.Tests.Data;

/// <summary>Changing the procedure policy is one operation: saved, and running complaints looked at again when the clock's rules moved.</summary>
[Collection(EscalationKit.Collection)]
public sealed class ProcedurePoliciesTests : IAsyncLifetime
{
    private readonly DeskAppFactory _app = EscalationKit.NewApp();
    private long _running;
    private long _closed;

    public async Task InitializeAsync()
    {
        await _app.StartAsync();
        _running = await _app.RegisterAsync();
        _closed = await _app.RegisterAsync();
        await _app.WithDbAsync(async db =>
        {
            await db.Complaints.Where(c => c.Id == _closed).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, ComplaintStatus.Closed));
            return await db.Complaints.ExecuteUpdateAsync(u => u.SetProperty(c => c.ClockDueAt, (DateTime?)null));
        });
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ChangeAsync_LimitChanged_SavesAndMarksOnlyRunningComplaints()
    {
        var (version, policy) = await PolicyAsync();

        var change = await ChangeAsync(policy with { TimeLimits = policy.TimeLimits with { ResolutionImportant = TimeSpan.FromHours(48) } }, version);

        Assert.Equal((PolicyChangeOutcome.Saved, version + 1, true), (change.Outcome, change.Version, change.ClockReviewed));
        Assert.Equal(TimeSpan.FromHours(48), (await PolicyAsync()).Policy.TimeLimits.ResolutionImportant);
        var running = await _app.ComplaintAsync(_running);
        Assert.Equal(running.RegisteredAt, running.ClockDueAt);
        Assert.Null((await _app.ComplaintAsync(_closed)).ClockDueAt);
    }

    [Fact]
    public async Task ChangeAsync_UnresolvedDaysChanged_MarksRunningComplaints()
    {
        var (version, policy) = await PolicyAsync();

        var change = await ChangeAsync(policy with { Classification = policy.Classification with { DaysUnresolvedForMajor = 20 } }, version);

        Assert.True(change.ClockReviewed);
        Assert.NotNull((await _app.ComplaintAsync(_running)).ClockDueAt);
    }

    [Fact]
    public async Task ChangeAsync_OnlyGroupWindowChanged_SavesAndLeavesTheClockAlone()
    {
        var (version, policy) = await PolicyAsync();

        var change = await ChangeAsync(policy with { GroupWindow = TimeSpan.FromHours(24) }, version);

        Assert.Equal((PolicyChangeOutcome.Saved, false), (change.Outcome, change.ClockReviewed));
        Assert.Equal(TimeSpan.FromHours(24), (await PolicyAsync()).Policy.GroupWindow);
        Assert.Null((await _app.ComplaintAsync(_running)).ClockDueAt);
    }

    [Fact]
    public async Task ChangeAsync_StaleVersion_ConflictAndNothingSaved()
    {
        var (version, policy) = await PolicyAsync();

        var change = await ChangeAsync(policy with { TimeLimits = policy.TimeLimits with { Dispatch = TimeSpan.FromMinutes(5) } }, version - 1);

        Assert.Equal((PolicyChangeOutcome.Conflict, version), (change.Outcome, change.Version));
        Assert.Equal(policy.TimeLimits, (await PolicyAsync()).Policy.TimeLimits);
        Assert.Null((await _app.ComplaintAsync(_running)).ClockDueAt);
    }

    [Fact]
    public async Task ChangeAsync_InvalidPolicy_ProblemsInChineseAndNothingSaved()
    {
        var (version, policy) = await PolicyAsync();

        var change = await ChangeAsync(policy with { RepeatWindowDays = 400 }, version);

        Assert.Equal(PolicyChangeOutcome.Invalid, change.Outcome);
        Assert.Contains("重复反映识别期必须在 0 到 365 天之间。", change.Problems);
        Assert.Equal(version, (await PolicyAsync()).Version);
    }

    [Fact]
    public async Task ClockReviewSql_OnTheTestDatabase_MarksOnlyRunningComplaints()
    {
        await _app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(ProcedurePolicies.ClockReviewSql(db.Database.ProviderName)));

        var running = await _app.ComplaintAsync(_running);
        Assert.Equal(running.RegisteredAt, running.ClockDueAt);
        Assert.Null((await _app.ComplaintAsync(_closed)).ClockDueAt);
    }

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore.SqlServer", "UPDATE [Complaints] SET [ClockDueAt] = [RegisteredAt] WHERE [Status] NOT IN (4, 5)")]
    [InlineData("Npgsql.EntityFrameworkCore.PostgreSQL", "UPDATE \"Complaints\" SET \"ClockDueAt\" = \"RegisteredAt\" WHERE \"Status\" NOT IN (4, 5)")]
    [InlineData("Microsoft.EntityFrameworkCore.Sqlite", "UPDATE \"Complaints\" SET \"ClockDueAt\" = \"RegisteredAt\" WHERE \"Status\" NOT IN (4, 5)")]
    public void ClockReviewSql_EachProvider_QuotesItsWay(string provider, string expected) =>
        Assert.Equal(expected, ProcedurePolicies.ClockReviewSql(provider));

    private Task<(int Version, ProcedurePolicy Policy)> PolicyAsync() =>
        _app.WithDbAsync(db => new ProcedurePolicies(db, new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions())).GetWithVersionAsync());

    private async Task<PolicyChange> ChangeAsync(ProcedurePolicy policy, int version)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProcedurePolicies>().ChangeAsync(policy, version);
    }
}
