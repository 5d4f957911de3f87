using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ComplaintDesk.Browser.Tests;

/// <summary>Issue 15: 登记投诉 used from the keyboard all day — Enter saves, a failed save shows where and what.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class IntakeKeyboardBrowserTests(BrowserFixture fixture)
{
    // Each test its own complainant and place: the same ones again would be offered as a repeat raise.
    private static ComplaintSample Sample(string location) => new(
        Complainant: "周敏",
        Phone: "13811112222",
        Location: location,
        Content: "楼道声控灯坏了一周，晚上回家看不见台阶。");

    [SkippableFact]
    public async Task Enter_InAFilledForm_SavesTheComplaint()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.NewSignedInPageAsync("clerk", width: 1366, height: 768);
        var watch = PageWatch.On(page);
        await page.GotoAsync("/Complaints/Create");
        await Desk.FillAsync(page, Sample("7栋2单元803"));

        // 保存 stays in sight at 1366×768 while the clerk is anywhere in the form.
        await page.GetByLabel("房号/位置", new() { Exact = true }).FocusAsync();
        await Assertions.Expect(page.Locator("#save-button")).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(DetailsUrl());
        await Assertions.Expect(page.Locator("#move-message")).ToContainTextAsync("投诉已登记");
        await Assertions.Expect(page.Locator("#complainant")).ToContainTextAsync("周敏");
        watch.AssertClean();
    }

    [SkippableFact]
    public async Task Save_WithoutCauseOnAPhone_SummaryOnTopAndCaretOnTheFirstBadField()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.NewSignedInPageAsync("clerk", width: 375, height: 812);
        var watch = PageWatch.On(page);
        await page.GotoAsync("/Complaints/Create");
        var sample = Sample("8栋1单元1101");
        await Desk.FillAsync(page, sample);
        await page.EvaluateAsync("() => document.querySelectorAll('input[name=\"Input.Cause\"]').forEach(r => r.checked = false)");
        await page.GetByLabel("投诉人", new() { Exact = true }).FillAsync(string.Empty);
        await page.Locator("#save-button").ClickAsync();

        var summary = page.Locator("#error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("请选择投诉原因。");
        await Assertions.Expect(summary).ToContainTextAsync("未能保存，请修改以下 2 处");
        await Assertions.Expect(summary.Locator("li")).ToHaveTextAsync(["请填写投诉人。", "请选择投诉原因。"]);
        // The first bad field in the form's order has the caret, outlined, and is on screen.
        var name = page.GetByLabel("投诉人", new() { Exact = true });
        await Assertions.Expect(name).ToBeFocusedAsync();
        await Assertions.Expect(name).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(name).ToBeInViewportAsync();
        await BrowserFixture.ScreenshotAsync(page, "15-create-error-phone");

        // The summary's link takes the clerk to the radio group that was forgotten.
        await summary.GetByRole(AriaRole.Link, new() { Name = "请选择投诉原因。" }).ClickAsync();
        var cause = page.GetByLabel(sample.Cause, new() { Exact = true });
        await Assertions.Expect(cause).ToBeFocusedAsync();
        await Assertions.Expect(cause).ToBeInViewportAsync();
        await Assertions.Expect(cause).ToHaveAttributeAsync("aria-invalid", "true");

        await page.Keyboard.PressAsync("Space");
        await name.FillAsync("周敏");
        await page.Locator("#save-button").ClickAsync();
        await page.WaitForURLAsync(DetailsUrl());
        watch.AssertClean();
    }

    [SkippableFact]
    public async Task Register_WithTheKeyboardOnly_TabOrderFollowsTheFormAndEnterSaves()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.NewSignedInPageAsync("clerk", width: 1366, height: 768);
        var watch = PageWatch.On(page);
        await page.GotoAsync("/Complaints/Create");
        var keys = page.Keyboard;

        await Assertions.Expect(page.Locator("#Input_ComplainantName")).ToBeFocusedAsync();
        await keys.TypeAsync("吴刚");
        await Next(page, "#Input_ComplainantKind");
        await keys.PressAsync("ArrowDown");
        await Next(page, "#Input_Phone");
        await keys.TypeAsync("13955556666");
        await Next(page, "#Input_ProjectId");
        await keys.PressAsync("ArrowDown");
        await Next(page, "#Input_Location");
        await keys.TypeAsync("1栋101");
        await Next(page, "#Input_Channel");
        await keys.PressAsync("ArrowDown");
        await Next(page, "#Input_TopicId");
        await keys.PressAsync("ArrowDown");
        await Next(page, "#Input_Content");
        await keys.TypeAsync("门口下水道堵塞，污水外溢。");

        // 政府转办 (closed unless the complaint came as a referral) sits between the complaint and its classification.
        await Next(page, "#referral-section-toggle");
        await Next(page, "#Input_Cause_ManagementService");
        await keys.PressAsync("Space");
        await Next(page, "#Input_Accident");
        await Next(page, "#Input_Injury");
        await Next(page, "#Input_EconomicLoss");
        await Next(page, "#Input_LossIsMajor");
        await Next(page, "#Input_CompanyAtFault");
        await keys.PressAsync("Space");
        await Assertions.Expect(page.Locator("#classification-severity")).ToHaveTextAsync("重要");
        await Next(page, "#Input_MediaExposure");
        await Next(page, "#Input_PromisedServiceNotDelivered");
        await Next(page, "#Input_GovernmentReferralWithSocialImpact");
        await Next(page, "#Input_TimesRaisedUnresolved");
        await Next(page, "#Input_ComplainantCount");
        await Next(page, "#preview-button");
        await Next(page, "#save-button");
        await keys.PressAsync("Enter");

        await page.WaitForURLAsync(DetailsUrl());
        await Assertions.Expect(page.Locator("#complainant")).ToContainTextAsync("吴刚（业主）");
        await Assertions.Expect(page.Locator("#classification-severity")).ToHaveTextAsync("重要");
        watch.AssertClean();
    }

    private static async Task Next(IPage page, string selector)
    {
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(selector)).ToBeFocusedAsync();
    }

    [GeneratedRegex(@"/Complaints/\d+$")]
    private static partial Regex DetailsUrl();
}
