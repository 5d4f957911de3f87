using System.Text.RegularExpressions;
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

        // Issue 15: one card for the complaint at its highest level, every reason in it, acknowledged once.
        var cards = page.Locator("#escalation-queue > li").Filter(new() { HasText = complaint.Number });
        await Assertions.Expect(cards).ToHaveCountAsync(1);
        var card = cards.First;
        var reasons = card.Locator(".escalation-why");
        Assert.InRange(await reasons.CountAsync(), 2, 5);
        await Assertions.Expect(reasons.Filter(new() { HasTextRegex = new Regex("^派单超时") })).ToContainTextAsync("时限 20 分钟");
        await Assertions.Expect(card).ToContainTextAsync("一级升级");
        await Assertions.Expect(card).ToContainTextAsync("翠湖湾");
        // No reason repeats its own label ("一级升级：一级升级：…").
        foreach (var text in await reasons.AllTextContentsAsync())
        {
            Assert.DoesNotMatch(@"^(\S+)：\1", text);
        }

        await BrowserFixture.ScreenshotAsync(page, "09-escalations");

        await card.GetByLabel("确认说明").FillAsync("已电话联系工程部，十分钟内派单，今天上门处理。");
        await card.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^确认") }).ClickAsync();
        await Assertions.Expect(cards).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已确认该投诉的");

        // Acknowledged escalations stay visible in 含已确认, with the note.
        await page.GotoAsync("/Escalations?All=true");
        var acknowledged = page.Locator("#escalation-queue > li").Filter(new() { HasText = complaint.Number });
        await Assertions.Expect(acknowledged).ToHaveCountAsync(1);
        await Assertions.Expect(acknowledged).ToContainTextAsync("已电话联系工程部");

        // On a phone the cards fit the screen.
        var phone = await fixture.NewSignedInPageAsync("supervisor", width: 375, height: 812);
        var phoneWatch = PageWatch.On(phone);
        await phone.GotoAsync("/Escalations?All=true");
        await Assertions.Expect(phone.Locator("#escalation-queue > li").First).ToBeVisibleAsync();
        await Desk.AssertFitsPhoneAsync(phone);
        await BrowserFixture.ScreenshotAsync(phone, "09-escalations-phone");
        phoneWatch.AssertClean();

        // The complaint's timeline says so too.
        await page.GotoAsync(complaint.DetailsPath);
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("督办确认");
        await Assertions.Expect(page.Locator("#overdue-badge")).ToBeVisibleAsync();

        clerkWatch.AssertClean();
        watch.AssertClean();
    }

    [SkippableFact]
    public async Task Review_ReclassifyShowsTheLiveResultBeforeSaving_ThenSaves()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var clerk = await fixture.NewSignedInPageAsync("clerk");
        var complaint = await Desk.RegisterAsync(clerk, new ComplaintSample(
            Complainant: "孙丽",
            Phone: "13512341111",
            Location: "翠湖湾3栋602",
            Content: "物业答应上周修好的单元门禁至今没修，老人进出不便。",
            Project: "翠湖湾",
            Topic: "装修管理",
            CompanyAtFault: true));
        var id = complaint.DetailsPath.Split('/')[^1];

        var page = await fixture.NewSignedInPageAsync("supervisor");
        var watch = PageWatch.On(page);
        await page.GotoAsync($"/Escalations/Review/{id}");
        var form = page.Locator("#review-reclassify");
        await Assertions.Expect(form.Locator("#reclassify-now")).ToContainTextAsync("重要");

        // Issue 15: the same questions as registration, and the result changes as they are answered — nothing saved yet.
        await form.GetByLabel("是否政府或上级部门转办且有社会影响").CheckAsync();
        await Assertions.Expect(form.Locator("#classification-severity")).ToHaveTextAsync("重大");
        await Assertions.Expect(form.Locator("#classification-clauses")).ToContainTextAsync("3.1.2(d)");
        await page.GotoAsync(complaint.DetailsPath);
        await Assertions.Expect(page.Locator("#classification-severity").First).ToHaveTextAsync("重要");

        await page.GotoAsync($"/Escalations/Review/{id}");
        form = page.Locator("#review-reclassify");
        await form.GetByLabel("是否政府或上级部门转办且有社会影响").CheckAsync();
        await Assertions.Expect(form.Locator("#classification-severity")).ToHaveTextAsync("重大");
        await form.GetByLabel("重新分类原因").FillAsync("街道办转来，已在业主群引起议论。");
        await form.GetByRole(AriaRole.Button, new() { Name = "重新分类" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已重新分类");

        await page.GotoAsync(complaint.DetailsPath);
        await Assertions.Expect(page.Locator("#classification-severity").First).ToHaveTextAsync("重大");
        watch.AssertClean();
    }
}
