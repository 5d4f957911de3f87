using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;

namespace ComplaintDesk.Web.Features.Complaints;

/// <summary>The classification questions of the intake form (the procedure's section 3.1), shared by pages and API.</summary>
public class FactsInput
{
    public Cause? Cause { get; set; }

    public bool CompanyAtFault { get; set; }

    public bool Accident { get; set; }

    /// <summary>是否造成人身伤害.</summary>
    public bool Injury { get; set; }

    /// <summary>是否造成经济损失 (any loss: enough for 3.1.2 with an accident).</summary>
    public bool EconomicLoss { get; set; }

    /// <summary>损失是否重大 (with <see cref="EconomicLoss"/>; 3.1.2(b) needs it with the company's fault).</summary>
    public bool LossIsMajor { get; set; }

    /// <summary>
    /// Deprecated: the old single question 是否造成人身伤害或重大经济损失, still accepted from API clients and read as a
    /// major economic loss (which gives the clauses it gave before). Use <see cref="Injury"/>, <see cref="EconomicLoss"/>
    /// and <see cref="LossIsMajor"/>.
    /// </summary>
    public bool InjuryOrMajorEconomicLoss { get; set; }

    public bool MediaExposure { get; set; }

    public bool PromisedServiceNotDelivered { get; set; }

    public int TimesRaisedUnresolved { get; set; } = 1;

    public bool GovernmentReferralWithSocialImpact { get; set; }

    public int ComplainantCount { get; set; } = 1;

    /// <summary>
    /// Whether the answers can be classified as they stand (a cause chosen, counts in range): the live result shows
    /// nothing rather than a wrong answer while the form is half filled.
    /// </summary>
    public bool CanClassify() =>
        Cause is { } cause && Enum.IsDefined(cause)
        && TimesRaisedUnresolved is >= 1 and <= FieldLimits.MaxTimesRaised
        && ComplainantCount is >= 1 and <= FieldLimits.MaxComplainantCount;

    public ClassificationFacts ToFacts(int daysUnresolved = 0) => new ClassificationFacts(
        Cause ?? Domain.Classification.Cause.ManagementService,
        CompanyAtFault,
        Accident,
        Injury,
        EconomicLoss,
        LossIsMajor,
        MediaExposure,
        PromisedServiceNotDelivered,
        TimesRaisedUnresolved,
        GovernmentReferralWithSocialImpact,
        ComplainantCount,
        daysUnresolved).WithLegacyInjuryOrMajorLoss(InjuryOrMajorEconomicLoss);
}

/// <summary>登记投诉.</summary>
public sealed class RegisterComplaintInput : FactsInput
{
    public string? ComplainantName { get; set; }

    public ComplainantKind? ComplainantKind { get; set; }

    /// <summary>
    /// 联系电话, kept as typed and stored normalised: a mainland mobile (11 digits, 1[3-9]…), a landline with its area code
    /// (010-12345678, extension as 010-12345678-123 or 转123), +86/0086 optional, other countries and regions with their
    /// code (+852 9123 4567). Spaces, dashes, parentheses and full-width digits are accepted.
    /// </summary>
    public string? Phone { get; set; }

    public int? ProjectId { get; set; }

    public string? Location { get; set; }

    public Channel? Channel { get; set; }

    public int? TopicId { get; set; }

    public string? Content { get; set; }

    /// <summary>政府转办: the referral the complaint came with (12345 热线 …); null or empty when it was not referred.</summary>
    public ComplaintDesk.Web.Features.Referrals.ReferralInput? Referral { get; set; }
}

/// <summary>派单 / 改派.</summary>
public sealed class DispatchInput
{
    public int? DepartmentId { get; set; }

    public string? AssigneeName { get; set; }

    public string? ExternalParty { get; set; }

    public string? Note { get; set; }
}

/// <summary>A move that needs only text: progress, hold, resume, resolve, reopen, close as unreachable, repeat raise.</summary>
public sealed class NoteInput
{
    public string? Note { get; set; }
}

/// <summary>回访.</summary>
public sealed class FollowUpInput
{
    public FollowUpMethod? Method { get; set; }

    public FollowUpOutcome? Outcome { get; set; }

    public string? Note { get; set; }

    /// <summary>拨打号码: the number called (phone follow-ups; ignored for the others); the complainant's phone when left out.</summary>
    public string? PhoneCalled { get; set; }

    /// <summary>回访时间: when the call or visit was made; now when left out. Not before the resolution, not in the future.</summary>
    public DateTimeOffset? AttemptedAt { get; set; }
}

/// <summary>重新分类.</summary>
public sealed class ReclassifyInput : FactsInput
{
    public string? Reason { get; set; }

    /// <summary>The form pre-filled with a complaint's current facts (the supervisor changes what was wrong).</summary>
    public static ReclassifyInput From(ClassificationFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new ReclassifyInput
        {
            Cause = facts.Cause,
            CompanyAtFault = facts.CompanyAtFault,
            Accident = facts.Accident,
            Injury = facts.Injury,
            EconomicLoss = facts.EconomicLoss,
            LossIsMajor = facts.LossIsMajor,
            MediaExposure = facts.MediaExposure,
            PromisedServiceNotDelivered = facts.PromisedServiceNotDelivered,
            TimesRaisedUnresolved = facts.TimesRaisedUnresolved,
            GovernmentReferralWithSocialImpact = facts.GovernmentReferralWithSocialImpact,
            ComplainantCount = facts.ComplainantCount,
        };
    }
}

/// <summary>转交: to another member of staff of the complaint's project, with a reason.</summary>
public sealed class HandOverInput
{
    /// <summary>The id of the member of staff who becomes the owner (首问负责人).</summary>
    public string? ToUserId { get; set; }

    public string? Reason { get; set; }
}

/// <summary>撤销.</summary>
public sealed class WithdrawInput
{
    public WithdrawReason? Reason { get; set; }

    public string? Note { get; set; }
}
