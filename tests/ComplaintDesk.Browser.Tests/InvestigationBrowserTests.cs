using Microsoft.Playwright;

namespace ComplaintDesk.Browser.Tests;

/// <summary>Issue 17 section 2: a major complaint from its investigation report to the manager's approval, then closed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InvestigationBrowserTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task MajorComplaint_ReportWrittenApprovedActionsListed_ThenClosed()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var clerk = await fixture.NewSignedInPageAsync("clerk");
        var clerkWatch = PageWatch.On(clerk);
        var complaint = await Desk.RegisterAsync(clerk, new ComplaintSample(
            Complainant: "孙立",
            Phone: "13611112222",
            Location: "阳光花园5栋",
            Content: "5栋电梯夜间困人四十分钟，维保人员迟迟不到，街道已转来督办。",
            GovernmentReferral: true));
        await Desk.DispatchAsync(clerk, "工程部", "李师傅");
        await Desk.ResolveAsync(clerk, "已协调维保单位检修电梯，恢复运行。");

        // The supervisor cannot close it yet: a major complaint needs an approved report.
        var supervisor = await fixture.NewSignedInPageAsync("supervisor");
        var supervisorWatch = PageWatch.On(supervisor);
        await supervisor.GotoAsync(complaint.DetailsPath);
        await Assertions.Expect(supervisor.Locator("#investigation-missing")).ToBeVisibleAsync();
        await supervisor.Locator("#move-RecordFollowUp-toggle").ClickAsync();
        await supervisor.Locator("#move-RecordFollowUp").GetByLabel("回访方式").SelectOptionAsync(new SelectOptionValue { Label = "电话" });
        await supervisor.Locator("#move-RecordFollowUp").GetByLabel("回访结果").SelectOptionAsync(new SelectOptionValue { Label = "满意" });
        await supervisor.Locator("#move-RecordFollowUp-submit").ClickAsync();
        await Assertions.Expect(supervisor.Locator("#move-error")).ToContainTextAsync("调查处理报告");
        await Assertions.Expect(Desk.Status(supervisor)).ToHaveTextAsync("待回访");

        await Desk.MoveAsync(supervisor, "WriteInvestigation", "填写调查处理报告", async form =>
        {
            await form.GetByLabel("事情经过").FillAsync("夜间 22:10 5栋电梯停在 12 层，业主被困约 40 分钟，维保人员 22:50 到场。");
            await form.GetByLabel("原因分析").FillAsync("维保单位夜间只安排一人值班，接警后未按合同 30 分钟内到场。");
            await form.Locator("#WriteInvestigation_ResponsibleDepartmentId").SelectOptionAsync(new SelectOptionValue { Label = "工程部" });
            await form.GetByLabel("责任人（可选）").FillAsync("李师傅");
            await form.Locator("#WriteInvestigation_Actions_0_Description").FillAsync("约谈维保单位，夜间增加一名值班人员");
            await form.Locator("#WriteInvestigation_Actions_0_OwnerDepartmentId").SelectOptionAsync(new SelectOptionValue { Label = "工程部" });
            await form.Locator("#WriteInvestigation_Actions_0_DueOn").FillAsync("2027-01-31");
            await form.Locator("#WriteInvestigation_Actions_1_Description").FillAsync("组织电梯困人应急演练");
            await form.Locator("#WriteInvestigation_Actions_1_OwnerDepartmentId").SelectOptionAsync(new SelectOptionValue { Label = "客服部" });
            await form.Locator("#WriteInvestigation_Actions_1_DueOn").FillAsync("2027-02-28");
        });
        await Assertions.Expect(supervisor.Locator("#investigation-status")).ToHaveTextAsync("待审核");
        await Assertions.Expect(supervisor.Locator("#corrective-actions tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(supervisor.Locator("#move-ApproveInvestigation")).ToHaveCountAsync(0);

        // The manager approves it: the actions open.
        var manager = await fixture.NewSignedInPageAsync("manager");
        var managerWatch = PageWatch.On(manager);
        await manager.GotoAsync(complaint.DetailsPath);
        await Assertions.Expect(manager.Locator("#investigation-link")).ToBeVisibleAsync();
        await Desk.MoveAsync(manager, "ApproveInvestigation", "审核通过调查处理报告",
            form => form.GetByLabel("审核意见（可选）").FillAsync("同意，请工程部按期整改并报验证结果。"));
        await Assertions.Expect(manager.Locator("#investigation-status")).ToHaveTextAsync("已审核");
        await Assertions.Expect(manager.Locator("#investigation-review")).ToContainTextAsync("陈经理");
        await Assertions.Expect(manager.Locator("#action-1")).ToContainTextAsync("整改中");
        await manager.Locator("#investigation").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(manager, "16-investigation");

        // The 整改措施 list shows them; the clerk records one done and the supervisor verifies it.
        await clerk.GotoAsync("/CorrectiveActions");
        await Assertions.Expect(clerk.Locator("#actions tbody tr").Filter(new() { HasText = complaint.Number })).ToHaveCountAsync(2);
        await clerk.GotoAsync(complaint.DetailsPath);
        await Desk.MoveAsync(clerk, "CompleteCorrectiveAction", "整改完成", async form =>
        {
            await form.GetByLabel("整改措施").SelectOptionAsync("1");
            await form.GetByLabel("整改情况").FillAsync("已约谈维保单位，夜间改为两人值班。");
        });
        await supervisor.GotoAsync(complaint.DetailsPath);
        await Desk.MoveAsync(supervisor, "VerifyCorrectiveAction", "整改验证", async form =>
        {
            await form.GetByLabel("验证结果").SelectOptionAsync(new SelectOptionValue { Label = "验证通过" });
            await form.GetByLabel("验证说明（未通过时必填）").FillAsync("夜间抽查两次，均有两人值班。");
        });
        await Assertions.Expect(supervisor.Locator("#action-1")).ToContainTextAsync("已验证");

        // Now it closes.
        await Desk.FollowUpAsync(supervisor, "电话", "满意", "业主对处理和整改表示满意。");
        await Assertions.Expect(Desk.Status(supervisor)).ToHaveTextAsync("已结案");
        await Assertions.Expect(Desk.Timeline(supervisor).Filter(new() { HasText = "调查处理报告审核通过" })).ToHaveCountAsync(1);

        clerkWatch.AssertClean();
        supervisorWatch.AssertClean();
        managerWatch.AssertClean();
    }
}
