using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Web.Tests.Infrastructure;
using ComplaintDesk.Web.Tools;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintDesk.Web.Tests.Tools;

public sealed class DataGeneratorTests : IAsyncLifetime
{
    private readonly DeskAppFactory _app = new();
    private GenerationResult _result = null!;

    public async Task InitializeAsync()
    {
        await _app.StartAsync();
        await using var scope = _app.Services.CreateAsyncScope();
        _result = await scope.ServiceProvider.GetRequiredService<DataGenerator>().GenerateAsync(3_000, months: 12, projectCount: 20);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Generate_ThreeThousand_WritesThemWithUniqueWellFormedNumbers()
    {
        var numbers = await _app.WithDbAsync(db => db.Complaints.Select(c => c.Number).ToListAsync());

        Assert.Equal(3_000, _result.Complaints);
        Assert.Equal(3_000, numbers.Count);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.True(ComplaintNumber.TryParse(n, out _, out _), n));
    }

    [Fact]
    public async Task Generate_Lifecycles_HaveTimelinesFollowUpsAndMostlyClosedOldComplaints()
    {
        var (timeline, followUps, closed, open, projects, months) = await _app.WithDbAsync(async db => (
            await db.TimelineEntries.CountAsync(),
            await db.FollowUps.CountAsync(),
            await db.Complaints.CountAsync(c => c.Status == ComplaintStatus.Closed),
            await db.Complaints.CountAsync(c => c.Status == ComplaintStatus.Registered || c.Status == ComplaintStatus.InProgress),
            await db.Complaints.Select(c => c.ProjectId).Distinct().CountAsync(),
            await db.MonthlySequences.CountAsync()));

        Assert.Equal(_result.TimelineEntries, timeline);
        Assert.True(timeline >= 3_000 * 3, $"timeline {timeline}");
        Assert.Equal(_result.FollowUps, followUps);
        Assert.InRange(closed, 2_400, 3_000);
        Assert.InRange(open, 1, 300);
        Assert.InRange(projects, 10, 20);
        Assert.Equal(12, months);
    }

    [Fact]
    public async Task Generate_ThenRegister_NextNumberFollowsTheGeneratedSequence()
    {
        var lastThisMonth = await _app.WithDbAsync(db => db.Complaints.Where(c => c.Number.StartsWith("TS202611")).MaxAsync(c => c.Number));
        await using var scope = _app.Services.CreateAsyncScope();
        var numbers = scope.ServiceProvider.GetRequiredService<ComplaintDesk.Data.ComplaintNumberAllocator>();

        var next = await numbers.NextAsync(new YearMonth(2026, 11));

        Assert.True(ComplaintNumber.TryParse(lastThisMonth, out _, out var last));
        Assert.Equal(ComplaintNumber.Format(new YearMonth(2026, 11), last + 1), next);
    }
}
