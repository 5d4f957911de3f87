using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Referrals;
using ComplaintDesk.Web.Features.Referrals;
using Microsoft.EntityFrameworkCore;

namespace ComplaintDesk.Web.Api;

/// <summary>政府转办 in the API: the sources, and one POST per referral move under <c>/api/v1/complaints/{id}/referral</c>.</summary>
public static class ReferralEndpoints
{
    private const string Refusals =
        " Allowed only where the referral table allows it for the caller's role and the referral's state: otherwise 409 with `ruleCode` " +
        "(`lifecycle.move-not-allowed-in-status`, `lifecycle.role-not-allowed`, `referral.missing`, `referral.exists`, `referral.state`, `referral.time`).";

    /// <summary>The URL segment of each referral move: <c>POST /api/v1/complaints/{id}/{segment}</c>.</summary>
    public static IReadOnlyDictionary<ReferralMove, string> Segments { get; } = new Dictionary<ReferralMove, string>
    {
        [ReferralMove.Record] = "referral",
        [ReferralMove.SignFor] = "referral/sign-for",
        [ReferralMove.FirstFeedback] = "referral/first-feedback",
        [ReferralMove.Reply] = "referral/reply",
        [ReferralMove.RequestExtension] = "referral/extension-request",
        [ReferralMove.RequestReturn] = "referral/return-request",
        [ReferralMove.DecideRequest] = "referral/decision",
        [ReferralMove.RecordSatisfaction] = "referral/satisfaction",
    };

    private static readonly DateTime _at = new(2026, 11, 16, 2, 5, 0, DateTimeKind.Utc);

    public static void Map(RouteGroupBuilder complaints)
    {
        ComplaintEndpoints.MapPostMove<ReferralInput>(complaints, Segments[ReferralMove.Record], "RecordReferral", (w, id, i, v, ct) => w.RecordReferralAsync(id, i, v, ct),
            "登记转办 (record a referral)",
            "A complaint registered without its referral: sourceId (GET /api/v1/referral-sources) and ticketNumber are required (the ticket " +
            "number is unique per source: 400 naming ticketNumber otherwise); receivedAt is now when left out; deadlines left out take the " +
            "source's defaults. Registering with `referral` in the body of POST /api/v1/complaints does the same in one step." + Refusals,
            new ApiExample(new ReferralInput { SourceId = 1, TicketNumber = "GD20261116000123", ReceivedAt = _at.AddHours(-1) }, null));
        ComplaintEndpoints.MapPostMove<ReferralStepInput>(complaints, Segments[ReferralMove.SignFor], "SignForReferral", (w, id, i, v, ct) => w.SignForReferralAsync(id, i, v, ct),
            "签收 (sign for the referral)", "When it was signed for on the referring body's platform (`at`, now when left out)." + Refusals,
            new ApiExample(new ReferralStepInput { At = _at }, null));
        ComplaintEndpoints.MapPostMove<ReferralStepInput>(complaints, Segments[ReferralMove.FirstFeedback], "ReferralFirstFeedback",
            (w, id, i, v, ct) => w.RecordReferralFirstFeedbackAsync(id, i, v, ct),
            "首次反馈 (first feedback to the referring body)", "`text` (required) and when it was given (`at`, now when left out)." + Refusals,
            new ApiExample(new ReferralStepInput { Text = "已联系业主，明日上午上门查看" }, null));
        ComplaintEndpoints.MapPostMove<ReferralStepInput>(complaints, Segments[ReferralMove.Reply], "ReferralReply", (w, id, i, v, ct) => w.RecordReferralReplyAsync(id, i, v, ct),
            "办结反馈 (the reply sent back)",
            "In progress or resolved: the reply sent to the referring body (`text`, required; `at`: when it was sent, now when left out). A " +
            "referred complaint cannot close without it: its closing moves answer 409 `referral.reply-required` until it is recorded." + Refusals,
            new ApiExample(new ReferralStepInput { Text = "已更换楼道灯具并试亮，业主确认恢复正常。" }, null));
        ComplaintEndpoints.MapPostMove<ReferralRequestInput>(complaints, Segments[ReferralMove.RequestExtension], "RequestReferralExtension",
            (w, id, i, v, ct) => w.RequestReferralExtensionAsync(id, i, v, ct),
            "申请延期 (ask for a later 办结 deadline)", "`reason` and the new `completionDue` (later than the current one and than now) are required." + Refusals,
            new ApiExample(new ReferralRequestInput { Reason = "需开发商更换配件", CompletionDue = _at.AddDays(7) }, null));
        ComplaintEndpoints.MapPostMove<ReferralRequestInput>(complaints, Segments[ReferralMove.RequestReturn], "RequestReferralReturn",
            (w, id, i, v, ct) => w.RequestReferralReturnAsync(id, i, v, ct),
            "申请退单 (ask the referring body to take it back)", "`reason` is required." + Refusals,
            new ApiExample(new ReferralRequestInput { Reason = "地址不属于本项目管辖" }, null));
        ComplaintEndpoints.MapPostMove<ReferralDecisionInput>(complaints, Segments[ReferralMove.DecideRequest], "DecideReferralRequest",
            (w, id, i, v, ct) => w.DecideReferralRequestAsync(id, i, v, ct),
            "记录申请结果 (the referring body's answer)",
            "Supervisors only: `approved` true or false for the pending 延期 or 退单. An approved 延期 moves the 办结 deadline; an approved 退单 " +
            "ends the referral (no deadlines, no 办结反馈 needed)." + Refusals,
            new ApiExample(new ReferralDecisionInput { Approved = true, Note = "12345 平台同意延期" }, null));
        ComplaintEndpoints.MapPostMove<ReferralSatisfactionInput>(complaints, Segments[ReferralMove.RecordSatisfaction], "RecordReferralSatisfaction",
            (w, id, i, v, ct) => w.RecordReferralSatisfactionAsync(id, i, v, ct),
            "转办满意度 (the referring body's satisfaction result)",
            "After 办结反馈: Satisfied | BasicallySatisfied | Dissatisfied, once; kept apart from the centre's own follow-up." + Refusals,
            new ApiExample(new ReferralSatisfactionInput { Satisfaction = ReferralSatisfaction.Satisfied }, null));
    }

    /// <summary><c>GET /api/v1/referral-sources</c>.</summary>
    public static void MapSources(RouteGroupBuilder group)
    {
        group.MapGet("/referral-sources", async (ComplaintDeskDbContext db, CancellationToken cancellationToken) =>
                TypedResults.Ok(await db.Set<ReferralSource>().AsNoTracking().OrderBy(s => s.Id)
                    .Select(s => new ReferralSourceDto(s.Id, s.Name, s.SignForHours, s.FirstFeedbackHours, s.CompletionHours, s.IsActive))
                    .ToListAsync(cancellationToken)))
            .WithName("ListReferralSources")
            .WithSummary("转办来源 (referral sources)")
            .WithDescription("Who refers complaints (12345 热线, 住建部门, 街道/社区, 其他) with the deadlines each usually sets, in hours from receipt; " +
                "a referral's deadlines left out take these.");
    }
}
