using System.Net;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintDesk.Web.Tests.Complaints;

public sealed class CreatePageTests : IAsyncLifetime
{
    private readonly DeskAppFactory _app = new();
    private DeskClient _clerk = null!;

    public async Task InitializeAsync() => _clerk = await _app.SignInAsync("clerk");

    public Task DisposeAsync()
    {
        _clerk.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Get_Clerk_ShowsEveryQuestionWithARealLabel()
    {
        var html = await _clerk.GetPageAsync("/Complaints/Create");

        foreach (var (id, label) in new[]
        {
            ("Input_ComplainantName", "投诉人"), ("Input_ComplainantKind", "投诉人身份"), ("Input_Phone", "联系电话"),
            ("Input_ProjectId", "物业项目"), ("Input_Location", "房号/位置"), ("Input_Channel", "受理渠道"), ("Input_TopicId", "投诉事项"),
            ("Input_Content", "投诉内容"), ("Input_Cause_ManagementService", "物业管理或服务不到位"),
            ("Input_Cause_EngineeringQuality", "工程遗留或房屋质量问题"), ("Input_Cause_External", "外部环境、非管辖区域或其他社会问题"),
            ("Input_Accident", "是否发生事故"), ("Input_Injury", "是否造成人身伤害"),
            ("Input_EconomicLoss", "是否造成经济损失"), ("Input_LossIsMajor", "损失是否重大"),
            ("Input_CompanyAtFault", "是否公司人为过失"), ("Input_MediaExposure", "是否媒体曝光"),
            ("Input_PromisedServiceNotDelivered", "是否承诺或合同约定服务未落实"), ("Input_TimesRaisedUnresolved", "业主已反映次数"),
            ("Input_GovernmentReferralWithSocialImpact", "是否政府或上级部门转办且有社会影响"), ("Input_ComplainantCount", "投诉人数"),
        })
        {
            Assert.Matches($"<label [^>]*for=\"{id}\"[^>]*>{label}</label>", html);
            Assert.Contains($"id=\"{id}\"", html);
        }

        Assert.Contains(">政府转办 (12345)</option>", html);
        Assert.Contains(">预览分类</button>", html);
        Assert.Contains(">保存</button>", html);
        Assert.Contains("/js/classify.js", html);
    }

    [Fact]
    public async Task Get_FreshForm_StartsOnComplainantAndSaveIsTheDefaultButton()
    {
        var html = await _clerk.GetPageAsync("/Complaints/Create");

        Assert.Contains("autofocus=\"autofocus\"", TagOf(html, "Input_ComplainantName"));
        // Implicit submission (Enter) uses the form's first submit button: it must be 保存, not 预览分类.
        var form = html[html.IndexOf("id=\"complaint-form\"", StringComparison.Ordinal)..];
        var firstSubmit = System.Text.RegularExpressions.Regex.Match(form, "<button type=\"submit\"[^>]*>([^<]*)</button>");
        Assert.Equal("保存", firstSubmit.Groups[1].Value);
        Assert.Contains("<button type=\"button\" class=\"btn btn-outline-secondary btn-sm mt-3 d-none\" id=\"preview-button\" data-classify-preview>预览分类</button>", html);
        Assert.DoesNotContain("error-summary", html);
    }

    [Fact]
    public async Task Save_MissingCauseAndName_SummaryOnTopLinksToEachBadFieldMarkedInvalid()
    {
        var response = await _clerk.PostFormAsync("/Complaints/Create", Desk.Intake(("Cause", null), ("ComplainantName", "")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var summary = html.IndexOf("id=\"error-summary\"", StringComparison.Ordinal);
        Assert.True(summary > 0, "no error summary");
        Assert.True(summary < html.IndexOf("id=\"Input_ComplainantName\"", StringComparison.Ordinal), "the summary is not above the fields");
        Assert.Contains("未能保存，请修改以下 2 处：", html);
        Assert.Contains("<a href=\"#Input_Cause\" class=\"alert-link error-summary-link\" data-field=\"Input_Cause\" data-name=\"Input.Cause\">请选择投诉原因。</a>", html);
        Assert.Matches("<a href=\"#Input_ComplainantName\"[^>]*>[^<]+</a>", html);
        Assert.Contains("aria-invalid=\"true\"", TagOf(html, "Input_ComplainantName"));
        Assert.Contains("aria-invalid=\"true\"", TagOf(html, "Input_Cause_ManagementService"));
        Assert.DoesNotContain("aria-invalid", TagOf(html, "Input_Phone"));
        Assert.DoesNotContain("autofocus", html);
    }

    [Fact]
    public async Task Get_Clerk_OffersOnlyTheirActiveProjects()
    {
        var html = await _clerk.GetPageAsync("/Complaints/Create");

        Assert.Contains(">阳光花园</option>", html);
        Assert.Contains(">翠湖湾</option>", html);
        Assert.DoesNotContain("金域华府", html);
    }

    [Fact]
    public async Task Save_ValidForm_RegistersWithMonthNumberAndShowsClassification()
    {
        var response = await _clerk.PostFormAsync("/Complaints/Create", Desk.Intake(("CompanyAtFault", "true")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Desk.IdOf(response);
        var html = await _clerk.GetPageAsync($"/Complaints/{id}");
        Assert.Contains("<span id=\"complaint-number\">TS2026110001</span>", html);
        Assert.Contains("投诉已登记，编号 TS2026110001。", html);
        Assert.Contains("A类（有效投诉）", html);
        Assert.Contains("<strong>3.1.3</strong> 因公司管理服务不到位", html);
        var complaint = await Desk.LoadAsync(_app, id);
        Assert.Equal(Severity.Important, complaint.Severity);
    }

    [Fact]
    public async Task Preview_WithoutJavaScript_ShowsClassificationAndSavesNothing()
    {
        var response = await _clerk.PostFormAsync("/Complaints/Create?handler=Preview",
            Desk.Intake(("Accident", "true"), ("Injury", "true")), "/Complaints/Create");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"classification-severity\">重大</span>", html);
        Assert.Contains("<strong>3.1.2</strong> 发生事故并造成人身伤害", html);
        Assert.Contains("value=\"张三\"", html);
        Assert.Equal(0, await Desk.CountAsync(_app));
    }

    [Fact]
    public async Task Save_AccidentWithOrdinaryLoss_MajorUnder312Only()
    {
        var id = await Desk.RegisterAsync(_clerk, ("Accident", "true"), ("EconomicLoss", "true"), ("CompanyAtFault", "true"));

        var complaint = await Desk.LoadAsync(_app, id);
        Assert.Equal(Severity.Major, complaint.Severity);
        Assert.Equal("3.1.1(a);3.1.2", complaint.Clauses);
        Assert.True(complaint.Facts.EconomicLoss);
        Assert.False(complaint.Facts.LossIsMajor);
        Assert.Contains("经济损失（不论损失是否重大）", await _clerk.GetPageAsync($"/Complaints/{id}"));
    }

    [Fact]
    public async Task Save_MajorLossWithCompanyFault_312AndB()
    {
        var id = await Desk.RegisterAsync(_clerk, ("Accident", "true"), ("EconomicLoss", "true"), ("LossIsMajor", "true"), ("CompanyAtFault", "true"));

        Assert.Equal("3.1.1(a);3.1.2;3.1.2(b)", (await Desk.LoadAsync(_app, id)).Clauses);
    }

    [Fact]
    public async Task Save_MajorLossWithoutLoss_RefusedBesideTheQuestions()
    {
        var response = await _clerk.PostFormAsync("/Complaints/Create", Desk.Intake(("LossIsMajor", "true")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("“损失是否重大”只在造成经济损失时勾选", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await Desk.CountAsync(_app));
    }

    [Fact]
    public async Task ClassifyHandler_FactsInQuery_AnswersThePanel()
    {
        var html = await _clerk.GetPageAsync(
            "/Complaints/Create?handler=Classify&Input.Cause=EngineeringQuality&Input.ComplainantCount=12&Input.MediaExposure=true");

        Assert.DoesNotContain("<html", html);
        Assert.Contains("B类（工程/房屋质量）", html);
        Assert.Contains("<strong>3.1.1(b)</strong>", html);
        Assert.Contains("群体投诉", html);
        Assert.Contains("媒体曝光", html);
    }

    [Fact]
    public async Task ClassifyHandler_NoCause_AsksForIt()
    {
        var html = await _clerk.GetPageAsync("/Complaints/Create?handler=Classify&Input.Accident=true");

        Assert.Contains("请选择投诉原因", html);
    }

    [Fact]
    public async Task Save_EmptyForm_ShowsMessagesBesideFieldsAndSavesNothing()
    {
        var response = await _clerk.PostFormAsync("/Complaints/Create", new() { ["Input.TimesRaisedUnresolved"] = "1", ["Input.ComplainantCount"] = "1" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"Input.ComplainantName\"[^>]*>请填写投诉人。<", html);
        Assert.Matches("data-valmsg-for=\"Input.Phone\"[^>]*>请填写联系电话。<", html);
        Assert.Matches("data-valmsg-for=\"Input.ProjectId\"[^>]*>请选择物业项目。<", html);
        Assert.Matches("data-valmsg-for=\"Input.Content\"[^>]*>请填写投诉内容。<", html);
        Assert.Contains("请选择投诉原因。", html);
        Assert.Equal(0, await Desk.CountAsync(_app));
    }

    [Fact]
    public async Task Save_OversizedAndInvalidValues_ShowsMessagesAndSavesNothing()
    {
        var response = await _clerk.PostFormAsync("/Complaints/Create", Desk.Intake(
            ("ComplainantName", new string('名', 51)),
            ("Phone", "call me"),
            ("Content", new string('长', 4001)),
            ("TimesRaisedUnresolved", "abc"),
            ("ComplainantCount", "0"),
            ("Channel", "Telepathy")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("投诉人不能超过 50 个字。", html);
        Assert.Contains("联系电话无效", html);
        Assert.Contains("投诉内容不能超过 4000 个字。", html);
        Assert.Contains("投诉人数必须在 1 到 100000 之间。", html);
        Assert.Matches("data-valmsg-for=\"Input.Channel\"[^>]*>填写的内容格式不正确。<", html);
        Assert.Contains("填写的内容格式不正确。", html);
        Assert.DoesNotContain("is not valid", html);
        Assert.Equal(0, await Desk.CountAsync(_app));
    }

    [Theory]
    [InlineData("138123")]
    [InlineData("12345678")]
    [InlineData("010-123")]
    public async Task Save_NotAPhoneNumber_RefusedBesideTheFieldAndSavesNothing(string phone)
    {
        var response = await _clerk.PostFormAsync("/Complaints/Create", Desk.Intake(("Phone", phone)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("data-valmsg-for=\"Input.Phone\"[^>]*>联系电话无效：手机号为 1 开头的 11 位数字", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await Desk.CountAsync(_app));
    }

    [Fact]
    public async Task Save_PhoneWithFullWidthDigitsAndDashes_ShownAsTypedStoredNormalised()
    {
        var id = await Desk.RegisterAsync(_clerk, ("Phone", "＋86 138－1234－5678"));

        var details = await _clerk.GetPageAsync($"/Complaints/{id}");

        Assert.Contains("＋86 138－1234－5678", details);
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintDesk.Data.ComplaintDeskDbContext>();
        Assert.Equal("+8613812345678", await db.Complaints.Where(c => c.Id == id).Select(c => c.PhoneNormalized).SingleAsync());
    }

    [Fact]
    public async Task Save_AnotherProject_RefusedBesideTheField()
    {
        var response = await _clerk.PostFormAsync("/Complaints/Create", Desk.Intake(("ProjectId", "3")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请选择您负责的、仍在服务的物业项目。", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await Desk.CountAsync(_app));
    }

    [Fact]
    public async Task Get_Manager_IsSentToAccessDenied()
    {
        using var manager = await _app.SignInAsync("manager");

        var response = await manager.GetAsync("/Complaints/Create");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Save_MarkupInNameAndContent_IsShownAsTextEverywhere()
    {
        const string markup = "<img src=x onerror=alert(1)>";
        var id = await Desk.RegisterAsync(_clerk, ("ComplainantName", markup), ("Content", markup + " 电梯坏了"), ("Location", markup));

        foreach (var url in new[] { $"/Complaints/{id}", "/Complaints", $"/Complaints/{id}/Print" })
        {
            var html = await _clerk.GetPageAsync(url);
            Assert.Contains("&lt;img", html);
            Assert.DoesNotContain("<img src=x", html);
        }
    }

    /// <summary>The whole start tag of the element with this id.</summary>
    private static string TagOf(string html, string id)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, $"<[a-z]+ [^>]*id=\"{id}\"[^>]*>");
        Assert.True(match.Success, $"no element with id {id}");
        return match.Value;
    }
}
