using System.Net;
using ComplaintDesk.Data;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Domain.Referrals;
using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Tests.Api;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintDesk.Web.Tests.Complaints;

/// <summary>
/// Two registrations of one referral ticket (same source, same ticket number) at the same moment: both pass the check
/// made before queueing, and the writer stores the first and refuses the second with the complaint that has it — a
/// friendly message on the page, 409 <c>referral.ticket-taken</c> in the API — never a failed unique index.
/// </summary>
public sealed class ReferralTicketRaceTests : IAsyncLifetime
{
    private static readonly Actor _clerk = Actor.Staff("race", "测试员", StaffRole.Clerk);
    private readonly DeskAppFactory _app = new();

    public async Task InitializeAsync() => await _app.StartAsync();

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Writer_SameTicketTwiceInOneGroup_StoresTheFirstAndRefusesTheSecondNamingIt()
    {
        var first = Pending("RACE-W-1", "13900010001");
        var second = Pending("RACE-W-1", "13900010002");
        var otherSource = Pending("RACE-W-1", "13900010003", sourceId: 2, sourceName: "住建部门");

        await WriteAsync([first, second, otherSource]);

        var stored = await first.Done.Task;
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => second.Done.Task);
        Assert.Equal(RuleCodes.ReferralTicketTaken, refused.RuleCode);
        Assert.Equal($"12345 热线工单号 RACE-W-1 已登记在投诉 {stored.Number}，请勿重复登记。", refused.Message);
        Assert.Equal("住建部门", (await otherSource.Done.Task).Referral!.SourceName);
        Assert.Equal(1, await TicketCountAsync("RACE-W-1", 1));
    }

    [Fact]
    public async Task Writer_TicketStoredAfterTheCheck_RefusedAndTheRestOfTheGroupStored()
    {
        var earlier = Pending("RACE-W-2", "13900010004");
        await WriteAsync([earlier]);
        var late = Pending("RACE-W-2", "13900010005");
        var plain = Pending(null, "13900010006");

        await WriteAsync([late, plain]);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => late.Done.Task);
        Assert.Contains((await earlier.Done.Task).Number, refused.Message, StringComparison.Ordinal);
        Assert.Null((await plain.Done.Task).Referral);
        Assert.Equal(1, await TicketCountAsync("RACE-W-2", 1));
    }

    [Fact]
    public async Task Api_SameTicketAtTheSameMoment_OneCreated_TheOther409WithTheComplaintThatHasIt()
    {
        using var clerk = await ApiTestClient.ForAsync(_app, "clerk");
        string Body(string phone) => ApiTestClient.Registration(b =>
        {
            b["referral"] = new System.Text.Json.Nodes.JsonObject { ["sourceId"] = 1, ["ticketNumber"] = "RACE-API-1" };
            b["phone"] = phone;
        }).ToJsonString();

        var responses = await AtTheSameMomentAsync(
            () => clerk.PostRawAsync("/api/v1/complaints", Body("13900020001")),
            () => clerk.PostRawAsync("/api/v1/complaints", Body("13900020002")));

        var created = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var number = (await ApiTestClient.JsonAsync(created, HttpStatusCode.Created))["number"]!.GetValue<string>();
        var other = Assert.Single(responses, r => r != created);
        if (GateHeld)
        {
            var problem = await ApiTestClient.ProblemAsync(other, HttpStatusCode.Conflict);
            Assert.Equal("referral.ticket-taken", problem["ruleCode"]!.GetValue<string>());
            Assert.Equal($"12345 热线工单号 RACE-API-1 已登记在投诉 {number}，请勿重复登记。", problem["detail"]!.GetValue<string>());
        }
        else
        {
            // Without the write gate (PostgreSQL) the second may also meet the first at the check before queueing (400).
            Assert.Contains(other.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.BadRequest });
            Assert.Contains(number, await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(1, await TicketCountAsync("RACE-API-1", 1));
    }

    [Fact]
    public async Task Page_SameTicketAtTheSameMoment_OneRegistered_TheOtherToldBesideTheTicketNumber()
    {
        using var clerk = await _app.SignInAsync("clerk");
        var count = await Desk.CountAsync(_app);
        // Different complainants and places, so that neither is offered as a repeat of the other.
        Dictionary<string, string?> Form(string phone, string location)
        {
            var fields = Desk.Intake(("Channel", "GovernmentHotline"), ("Phone", phone), ("Location", location));
            fields["Referral.SourceId"] = "1";
            fields["Referral.TicketNumber"] = "RACE-PAGE-1";
            return fields;
        }

        var responses = await AtTheSameMomentAsync(
            () => clerk.PostFormAsync("/Complaints/Create", Form("13900030001", "5栋1单元101")),
            () => clerk.PostFormAsync("/Complaints/Create", Form("13900030002", "6栋2单元202")));

        var registered = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var number = (await Desk.LoadAsync(_app, Desk.IdOf(registered))).Number;
        var refused = Assert.Single(responses, r => r != registered);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains($"12345 热线工单号 RACE-PAGE-1 已登记在投诉 {number}，请勿重复登记。", html, StringComparison.Ordinal);
        Assert.Matches("id=\"Referral_TicketNumber\"[^>]*aria-invalid=\"true\"", html);
        Assert.Equal(count + 1, await Desk.CountAsync(_app));
    }

    private bool GateHeld => _app.Services.GetRequiredService<WriteGate>().IsEnabled;

    /// <summary>
    /// Sends both requests while the write gate is held, so both are checked and queued before either is written (SQLite;
    /// PostgreSQL has no gate and the two simply race).
    /// </summary>
    private async Task<HttpResponseMessage[]> AtTheSameMomentAsync(Func<Task<HttpResponseMessage>> one, Func<Task<HttpResponseMessage>> two)
    {
        var gate = _app.Services.GetRequiredService<WriteGate>();
        var queue = _app.Services.GetRequiredService<RegistrationQueue>();
        Task<HttpResponseMessage> a, b;
        using (await gate.EnterAsync())
        {
            (a, b) = (one(), two());
            if (gate.IsEnabled)
            {
                var waited = System.Diagnostics.Stopwatch.StartNew();
                while (queue.Waiting < 2)
                {
                    Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "both registrations should reach the queue");
                    Assert.False(a.IsCompleted || b.IsCompleted, "neither may be answered while the gate is held");
                    await Task.Delay(20);
                }
            }
        }

        return await Task.WhenAll(a, b);
    }

    private async Task WriteAsync(List<PendingRegistration> batch)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<RegistrationWriter>();
        using (await _app.Services.GetRequiredService<WriteGate>().EnterAsync())
        {
            await writer.WriteAsync(batch);
        }
    }

    private PendingRegistration Pending(string? ticket, string phone, int sourceId = 1, string sourceName = "12345 热线")
    {
        var received = _app.Clock.GetUtcNow().UtcDateTime.AddHours(-1);
        var intake = new ComplaintIntake(
            1, 1, null, Channel.GovernmentHotline, "王女士", ComplainantKind.Owner, phone, "3栋2单元1101", "楼道灯坏了",
            new ClassificationFacts(Cause.ManagementService),
            ticket is null ? null : new ReferralTerms(sourceId, sourceName, ticket, received));
        return new PendingRegistration(intake, _clerk, null);
    }

    private Task<int> TicketCountAsync(string ticket, int sourceId) =>
        _app.WithDbAsync(db => db.Complaints.CountAsync(c => c.Referral!.SourceId == sourceId && c.Referral.TicketNumber == ticket));
}
