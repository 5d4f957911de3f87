using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ComplaintDesk.Browser.Tests;

/// <summary>A complaint as a clerk types it into 登记投诉, with the classification answers.</summary>
public sealed record ComplaintSample(
    string Complainant,
    string Phone,
    string Location,
    string Content,
    string Project = "阳光花园",
    string Topic = "电梯",
    string Kind = "业主",
    string Channel = "来电",
    string Cause = "物业管理或服务不到位",
    bool CompanyAtFault = false,
    bool Accident = false,
    bool Injury = false,
    bool EconomicLoss = false,
    bool LossIsMajor = false,
    bool MediaExposure = false,
    bool PromisedServiceNotDelivered = false,
    bool GovernmentReferral = false,
    int TimesRaised = 1,
    int ComplainantCount = 1);

/// <summary>What a registered complaint's details page showed.</summary>
public sealed record RegisteredComplaint(string Number, string DetailsPath);

/// <summary>The clerk's desk pages driven the way a person uses them: fields found by their Chinese labels.</summary>
public static partial class Desk
{
    /// <summary>Fills every field of 登记投诉 (the page must be open).</summary>
    public static async Task FillAsync(IPage page, ComplaintSample sample)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(sample);
        await Field(page, "投诉人").FillAsync(sample.Complainant);
        await Field(page, "投诉人身份").SelectOptionAsync(new SelectOptionValue { Label = sample.Kind });
        await Field(page, "联系电话").FillAsync(sample.Phone);
        await Field(page, "物业项目").SelectOptionAsync(new SelectOptionValue { Label = sample.Project });
        await Field(page, "房号/位置").FillAsync(sample.Location);
        await Field(page, "受理渠道").SelectOptionAsync(new SelectOptionValue { Label = sample.Channel });
        await Field(page, "投诉事项").SelectOptionAsync(new SelectOptionValue { Label = sample.Topic });
        await Field(page, "投诉内容").FillAsync(sample.Content);
        await Field(page, sample.Cause).CheckAsync();
        await Check(page, "是否发生事故", sample.Accident);
        await Check(page, "是否造成人身伤害", sample.Injury);
        await Check(page, "是否造成经济损失", sample.EconomicLoss);
        await Check(page, "损失是否重大", sample.LossIsMajor);
        await Check(page, "是否公司人为过失", sample.CompanyAtFault);
        await Check(page, "是否媒体曝光", sample.MediaExposure);
        await Check(page, "是否承诺或合同约定服务未落实", sample.PromisedServiceNotDelivered);
        await Check(page, "是否政府或上级部门转办且有社会影响", sample.GovernmentReferral);
        await Field(page, "业主已反映次数").FillAsync(sample.TimesRaised.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Field(page, "投诉人数").FillAsync(sample.ComplainantCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Clicks 保存 and waits for the new complaint's details page.</summary>
    public static async Task<RegisteredComplaint> SaveAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(DetailsUrl());
        var number = page.Locator("#complaint-number");
        await Assertions.Expect(number).ToHaveTextAsync(NumberPattern());
        return new RegisteredComplaint((await number.TextContentAsync())!.Trim(), new Uri(page.Url).AbsolutePath);
    }

    /// <summary>Opens 登记投诉, fills it in and saves.</summary>
    public static async Task<RegisteredComplaint> RegisterAsync(IPage page, ComplaintSample sample)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/Complaints/Create");
        await FillAsync(page, sample);
        return await SaveAsync(page);
    }

    /// <summary>
    /// Opens a move's form on the details page (its <c>details</c> block), lets <paramref name="fill"/> fill it,
    /// confirms, and waits for "<paramref name="label"/>已保存".
    /// </summary>
    public static async Task MoveAsync(IPage page, string move, string label, Func<ILocator, Task> fill)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(fill);
        var block = page.Locator($"#move-{move}");
        await page.Locator($"#move-{move}-toggle").ClickAsync();
        await Assertions.Expect(block).ToHaveAttributeAsync("open", string.Empty);
        await fill(block);
        var submit = page.Locator($"#move-{move}-submit");
        await Assertions.Expect(submit).ToHaveTextAsync("确认" + label);
        await submit.ClickAsync();
        await Assertions.Expect(page.Locator("#move-message")).ToContainTextAsync(label + "已保存");
    }

    public static Task DispatchAsync(IPage page, string department, string assignee) =>
        MoveAsync(page, "Dispatch", "派单", async form =>
        {
            await form.GetByLabel("责任部门").SelectOptionAsync(new SelectOptionValue { Label = department });
            await form.GetByLabel("处理人（可选）").FillAsync(assignee);
        });

    public static Task RecordProgressAsync(IPage page, string note) =>
        MoveAsync(page, "RecordProgress", "处理进展", form => form.GetByLabel("进展说明").FillAsync(note));

    public static Task ResolveAsync(IPage page, string resolution) =>
        MoveAsync(page, "Resolve", "处理完成", form => form.GetByLabel("处理结果").FillAsync(resolution));

    public static Task FollowUpAsync(IPage page, string method, string outcome, string note) =>
        MoveAsync(page, "RecordFollowUp", "回访", async form =>
        {
            await form.GetByLabel("回访方式").SelectOptionAsync(new SelectOptionValue { Label = method });
            await form.GetByLabel("回访结果").SelectOptionAsync(new SelectOptionValue { Label = outcome });
            await form.GetByLabel("回访记录（可选）").FillAsync(note);
        });

    /// <summary>Nothing on the page is wider than a 375 px phone screen (no sideways scrolling).</summary>
    public static async Task AssertFitsPhoneAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= 375 + 2, $"{page.Url} scrolls sideways on a phone: {widths[0]} px wide content in a {widths[1]} px viewport.");
    }

    /// <summary>The details page's status badge.</summary>
    public static ILocator Status(IPage page) => page.Locator("#complaint-status");

    /// <summary>The timeline entries of the details page.</summary>
    public static ILocator Timeline(IPage page) => page.Locator("#timeline > li");

    /// <summary>TS + year and month + 4 digits, e.g. TS2026110001.</summary>
    [GeneratedRegex(@"^TS\d{6}\d{4}$")]
    public static partial Regex NumberPattern();

    [GeneratedRegex(@"/Complaints/\d+$")]
    private static partial Regex DetailsUrl();

    private static ILocator Field(IPage page, string label) => page.GetByLabel(label, new() { Exact = true });

    private static Task Check(IPage page, string label, bool value) => Field(page, label).SetCheckedAsync(value);
}
