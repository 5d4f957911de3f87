namespace ComplaintDesk.Domain.Complaints;

/// <summary>A move or change the procedure refuses; <see cref="RuleCode"/> names the rule, the message is for a person.</summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string ruleCode, string message)
        : base(message)
    {
        RuleCode = ruleCode;
    }

    public string RuleCode { get; }
}

/// <summary>The names of the rules a refusal cites.</summary>
public static class RuleCodes
{
    public const string MoveNotAllowedInStatus = "lifecycle.move-not-allowed-in-status";
    public const string RoleNotAllowed = "lifecycle.role-not-allowed";
    public const string ReasonRequired = "lifecycle.reason-required";
    public const string FollowUpAttemptsTooFew = "follow-up.attempts-too-few";
    public const string FollowUpByResolver = "follow-up.by-resolver";
    public const string FollowUpSeniorRequired = "follow-up.senior-required";
    public const string FollowUpAttemptTime = "follow-up.attempt-time";
    public const string NotTheOwner = "owner.not-the-owner";
    public const string HandOverToSelf = "owner.hand-over-to-self";
    public const string InvestigationRequired = "investigation.required-to-close";
    public const string InvestigationApproved = "investigation.already-approved";
    public const string InvestigationNotSubmitted = "investigation.not-submitted";
    public const string InvestigationOwnReview = "investigation.own-review";
    public const string InvestigationNoActions = "investigation.no-actions";
    public const string CorrectiveActionDueDate = "corrective-action.due-date";
    public const string CorrectiveActionNotFound = "corrective-action.not-found";
    public const string CorrectiveActionNotInStatus = "corrective-action.not-in-status";
    public const string InvalidInput = "input.invalid";
    public const string NotLinked = "incident.not-linked";

    /// <summary>Another topic or outside the group window: linking needs a supervisor's written reason.</summary>
    public const string IncidentOutlier = "incident.outlier-needs-reason";
    public const string ReferralReplyRequired = "referral.reply-required";
    public const string ReferralExists = "referral.exists";
    public const string ReferralMissing = "referral.missing";
    public const string ReferralState = "referral.state";
    public const string ReferralTime = "referral.time";
    public const string ReferralTicketTaken = "referral.ticket-taken";
}
