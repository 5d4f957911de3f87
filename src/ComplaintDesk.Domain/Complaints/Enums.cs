namespace ComplaintDesk.Domain.Complaints;

public enum ComplaintStatus
{
    /// <summary>待派单.</summary>
    Registered = 0,

    /// <summary>处理中.</summary>
    InProgress = 1,

    /// <summary>挂起.</summary>
    OnHold = 2,

    /// <summary>待回访.</summary>
    Resolved = 3,

    /// <summary>已结案.</summary>
    Closed = 4,

    /// <summary>已撤销.</summary>
    Withdrawn = 5,
}

public enum StaffRole
{
    /// <summary>客服专员.</summary>
    Clerk = 0,

    /// <summary>客服主管.</summary>
    Supervisor = 1,

    /// <summary>经理.</summary>
    Manager = 2,

    /// <summary>系统管理员.</summary>
    Admin = 3,
}

/// <summary>What a person (or the clock) does to a complaint.</summary>
public enum ComplaintMove
{
    Dispatch = 0,
    Reassign = 1,
    RecordProgress = 2,
    PutOnHold = 3,
    Resume = 4,
    Resolve = 5,
    RecordFollowUp = 6,
    CloseUnreachable = 7,
    Reopen = 8,
    Reclassify = 9,
    Withdraw = 10,
    RecordRepeatRaise = 11,

    /// <summary>转交: the named owner (首问负责人) hands the complaint to another member of staff.</summary>
    HandOver = 12,

    // Investigations (issue 17 section 2) number from 30, so that moves other work adds meanwhile do not collide.

    /// <summary>填写调查处理报告: a supervisor writes or revises the investigation report.</summary>
    WriteInvestigation = 30,

    /// <summary>审核通过: a manager approves the report; its corrective actions open.</summary>
    ApproveInvestigation = 31,

    /// <summary>退回: a manager returns the report with a reason.</summary>
    ReturnInvestigation = 32,

    /// <summary>整改完成: the owner department's work is recorded.</summary>
    CompleteCorrectiveAction = 33,

    /// <summary>整改验证: a supervisor verifies a completed action.</summary>
    VerifyCorrectiveAction = 34,
}

/// <summary>受理渠道.</summary>
public enum Channel
{
    Phone = 0,
    Visit = 1,
    WeChat = 2,
    Email = 3,
    Letter = 4,
    GovernmentHotline = 5,
    Media = 6,
    Other = 7,
}

/// <summary>投诉人身份; the complainant is not a user.</summary>
public enum ComplainantKind
{
    Owner = 0,
    Tenant = 1,
    Other = 2,
}

public enum FollowUpMethod
{
    Phone = 0,
    Visit = 1,
    WeChat = 2,
}

public enum FollowUpOutcome
{
    Satisfied = 0,
    BasicallySatisfied = 1,
    Dissatisfied = 2,

    /// <summary>The complainant could not be reached; the attempt is counted.</summary>
    Unreachable = 3,
}

public enum WithdrawReason
{
    ByComplainant = 0,
    Duplicate = 1,
}

/// <summary>What a timeline entry records.</summary>
public enum TimelineKind
{
    Registered = 0,
    Dispatched = 1,
    Reassigned = 2,
    Progress = 3,
    PutOnHold = 4,
    Resumed = 5,
    Resolved = 6,
    FollowUp = 7,
    Closed = 8,
    Reopened = 9,
    Reclassified = 10,
    Withdrawn = 11,
    RepeatRaise = 12,
    UpgradedByClock = 13,
    LinkedToIncident = 14,
    UnlinkedFromIncident = 15,
    Overdue = 16,
    Escalated = 17,
    Acknowledged = 18,
    AttachmentAdded = 19,
    HandedOver = 20,

    // Referrals (政府转办) from 40 on, apart from the kinds other features add.
    ReferralRecorded = 40,
    ReferralSignedFor = 41,
    ReferralFirstFeedback = 42,
    ReferralReplied = 43,

    /// <summary>申请延期 or 申请退单.</summary>
    ReferralRequested = 44,
    ReferralRequestDecided = 45,
    ReferralSatisfaction = 46,

    // Investigations from 50 on (see ComplaintMove).
    InvestigationWritten = 50,
    InvestigationApproved = 51,
    InvestigationReturned = 52,
    CorrectiveActionCompleted = 53,
    CorrectiveActionVerified = 54,
}
