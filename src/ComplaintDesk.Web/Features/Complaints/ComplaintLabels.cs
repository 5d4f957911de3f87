using ComplaintDesk.Domain.Complaints;

namespace ComplaintDesk.Web.Features.Complaints;

/// <summary>The UI's Chinese words for the complaint enums the domain does not label itself.</summary>
public static class ComplaintLabels
{
    public static string Of(Channel channel) => channel switch
    {
        Channel.Phone => "来电",
        Channel.Visit => "来访",
        Channel.WeChat => "微信/小程序",
        Channel.Email => "邮件",
        Channel.Letter => "信函",
        Channel.GovernmentHotline => "政府转办 (12345)",
        Channel.Media => "媒体",
        Channel.Other => "其他",
        _ => channel.ToString(),
    };

    public static string Of(ComplainantKind kind) => kind switch
    {
        ComplainantKind.Owner => "业主",
        ComplainantKind.Tenant => "租户",
        ComplainantKind.Other => "其他",
        _ => kind.ToString(),
    };

    public static string Of(ComplaintStatus status) => Lifecycle.LabelOf(status);

    public static string Of(WithdrawReason reason) => reason switch
    {
        WithdrawReason.ByComplainant => "投诉人撤回",
        WithdrawReason.Duplicate => "重复投诉",
        _ => reason.ToString(),
    };

    public static string Of(TimelineKind kind) => kind switch
    {
        TimelineKind.Registered => "登记",
        TimelineKind.Dispatched => "派单",
        TimelineKind.Reassigned => "改派",
        TimelineKind.Progress => "处理进展",
        TimelineKind.PutOnHold => "挂起",
        TimelineKind.Resumed => "恢复",
        TimelineKind.Resolved => "处理完成",
        TimelineKind.FollowUp => "回访",
        TimelineKind.Closed => "结案",
        TimelineKind.Reopened => "重新打开",
        TimelineKind.Reclassified => "重新分类",
        TimelineKind.Withdrawn => "撤销",
        TimelineKind.RepeatRaise => "重复反映",
        TimelineKind.UpgradedByClock => "自动升级",
        TimelineKind.LinkedToIncident => "关联群体事件",
        TimelineKind.UnlinkedFromIncident => "取消关联事件",
        TimelineKind.Overdue => "超时",
        TimelineKind.Escalated => "升级督办",
        TimelineKind.Acknowledged => "督办确认",
        TimelineKind.AttachmentAdded => "上传附件",
        TimelineKind.HandedOver => "转交",
        TimelineKind.ReferralRecorded => "登记转办",
        TimelineKind.ReferralSignedFor => "转办签收",
        TimelineKind.ReferralFirstFeedback => "转办首次反馈",
        TimelineKind.ReferralReplied => "办结反馈",
        TimelineKind.ReferralRequested => "转办申请",
        TimelineKind.ReferralRequestDecided => "转办申请结果",
        TimelineKind.ReferralSatisfaction => "转办满意度",
        TimelineKind.InvestigationWritten => "调查处理报告",
        TimelineKind.InvestigationApproved => "调查处理报告审核通过",
        TimelineKind.InvestigationReturned => "调查处理报告退回",
        TimelineKind.CorrectiveActionCompleted => "整改完成",
        TimelineKind.CorrectiveActionVerified => "整改验证",
        _ => kind.ToString(),
    };

    /// <summary>A stored flag list ("Group;Media") in words.</summary>
    public static IEnumerable<string> FlagsOf(string? flags) =>
        (flags ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => Enum.TryParse<Domain.Classification.ComplaintFlag>(f, out var flag) ? Domain.Classification.Labels.Of(flag) : f);
}
