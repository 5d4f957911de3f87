using System.Net;
using ComplaintDesk.Web.Tests.Infrastructure;

namespace ComplaintDesk.Web.Tests.Complaints;

public sealed class NumberingTests : IAsyncLifetime
{
    private readonly DeskAppFactory _app = new();

    public Task InitializeAsync() => _app.StartAsync();

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Register_TwentyClerksAtOnce_TwentyDistinctConsecutiveNumbers()
    {
        using var clerk = await _app.SignInAsync("clerk");
        using var supervisor = await _app.SignInAsync("supervisor");

        var responses = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            (i % 2 == 0 ? clerk : supervisor).PostFormAsync("/Complaints/Create", Desk.Intake(("Location", $"{i}栋101"), ("Phone", $"1390000{i:D4}")))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var ids = responses.Select(Desk.IdOf).ToList();
        var numbers = new List<string>();
        foreach (var id in ids)
        {
            numbers.Add((await Desk.LoadAsync(_app, id)).Number);
        }

        Assert.Equal(20, ids.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"TS202611{n:D4}"), numbers.Order());
    }

    [Theory]
    [InlineData("2026-11-30T15:30:00Z", "TS2026110001")]
    [InlineData("2026-11-30T16:00:00Z", "TS2026120001")]
    public async Task Register_AroundLocalMidnightAtMonthEnd_NumbersByTheLocalMonth(string utc, string expected)
    {
        _app.Clock.SetUtcNow(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        using var clerk = await _app.SignInAsync("clerk");

        var id = await Desk.RegisterAsync(clerk);

        Assert.Equal(expected, (await Desk.LoadAsync(_app, id)).Number);
        Assert.Contains($"<span id=\"complaint-number\">{expected}</span>", await clerk.GetPageAsync($"/Complaints/{id}"));
    }

    [Fact]
    public async Task Register_AcrossTheMonthBoundary_SequenceStartsAgain()
    {
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 15, 30, 0, TimeSpan.Zero));
        using var clerk = await _app.SignInAsync("clerk");
        await Desk.RegisterAsync(clerk, ("Location", "A"));
        await Desk.RegisterAsync(clerk, ("Location", "B"));
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero));

        var december = await Desk.RegisterAsync(clerk, ("Location", "C"));

        Assert.Equal("TS2026120001", (await Desk.LoadAsync(_app, december)).Number);
    }
}
