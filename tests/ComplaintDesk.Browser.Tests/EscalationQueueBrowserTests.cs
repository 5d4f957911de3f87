using ComplaintDesk.Web.Features.Escalations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ComplaintDesk.Browser.Tests;

/// <summary>Issue 5: a supervisor sees what is late in /Escalations, and why, and acknowledges it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EscalationQueueBrowserTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task Queue_DispatchOverdue_ShownWithReasonAndLeavesWhenAcknowledged()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var clerk = await fixture.NewSignedInPageAsync("clerk");
        var clerkWatch = PageWatch.On(clerk);
        var complaint = await Desk.RegisterAsync(clerk, new ComplaintSample(
            Complainant: "赵敏",
            Phone: "13512340000",
            Location: "翠湖湾7栋1801",
            Content: "楼上装修每天早上七点就开始电钻施工，违反装修管理规定，多次反映无人制止。",
            Project: "翠湖湾",
            Topic: "装修管理",
            CompanyAtFault: true));

        // Nobody dispatches it: 25 minutes later the 20-minute dispatch limit has passed and the clock records it.
        fixture.App.Clock.Advance(TimeSpan.FromMinutes(25));
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ClockCheck>().RunOnceAsync(fixture.App.Clock.GetUtcNow().UtcDateTime);
        }

        var page = await fixture.NewSignedInPageAsync("supervisor");
        var watch = PageWatch.On(page);
        await page.GotoAsync("/Escalations");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "升级督办", Level = 1 })).ToBeVisibleAsync();

        var rows = page.Locator("table.escalation-queue tbody tr").Filter(new() { HasText = complaint.Number });
        var overdue = rows.Filter(new() { Has = page.Locator(".fw-semibold", new() { HasTextString = "派单超时" }) });
        await Assertions.Expect(overdue).ToHaveCountAsync(1);
        await Assertions.Expect(overdue.Locator(".escalation-why")).ToContainTextAsync("时限 20 分钟");
        await Assertions.Expect(overdue).ToContainTextAsync("翠湖湾");
        await BrowserFixture.ScreenshotAsync(page, "09-escalations");

        // Acknowledge every row of this complaint (the overdue dispatch and the level it caused) with a note.
        var count = await rows.CountAsync();
        Assert.InRange(count, 1, 5);
        for (var left = count; left > 0; left--)
        {
            var row = rows.First;
            await row.GetByLabel("确认说明").FillAsync("已电话联系工程部，十分钟内派单，今天上门处理。");
            await row.GetByRole(AriaRole.Button, new() { Name = "确认", Exact = true }).ClickAsync();
            await Assertions.Expect(rows).ToHaveCountAsync(left - 1);
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();

        // Acknowledged rows stay visible in 含已确认, with the note.
        await page.GotoAsync("/Escalations?All=true");
        var acknowledged = page.Locator("table.escalation-queue tbody tr").Filter(new() { HasText = complaint.Number })
            .Filter(new() { Has = page.Locator(".fw-semibold", new() { HasTextString = "派单超时" }) });
        await Assertions.Expect(acknowledged).ToContainTextAsync("已电话联系工程部");

        // The complaint's timeline says so too.
        await page.GotoAsync(complaint.DetailsPath);
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("督办确认");
        await Assertions.Expect(page.Locator("#overdue-badge")).ToBeVisibleAsync();

        clerkWatch.AssertClean();
        watch.AssertClean();
    }
}
