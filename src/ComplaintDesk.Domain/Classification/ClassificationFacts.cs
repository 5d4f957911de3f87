namespace ComplaintDesk.Domain.Classification;

/// <summary>The facts a clerk records at intake; the input of <see cref="Classifier"/>.</summary>
/// <param name="Injury">是否造成人身伤害: someone was hurt.</param>
/// <param name="EconomicLoss">是否造成经济损失: the owner (or the company) lost money or property, however little.</param>
/// <param name="LossIsMajor">损失是否重大: the economic loss is a major one (3.1.2(b)); read only with <paramref name="EconomicLoss"/>.</param>
/// <param name="TimesRaisedUnresolved">How many times the complainant has raised this problem unresolved; 1 = first time.</param>
/// <param name="ComplainantCount">People complaining jointly in this one complaint.</param>
/// <param name="DaysUnresolved">Calendar days since registration while unresolved; computed from the clock, never typed.</param>
/// <param name="LinkedComplainantCount">Distinct complainants of the incident this complaint is linked into; 0 when not linked.</param>
public sealed record ClassificationFacts(
    Cause Cause,
    bool CompanyAtFault = false,
    bool Accident = false,
    bool Injury = false,
    bool EconomicLoss = false,
    bool LossIsMajor = false,
    bool MediaExposure = false,
    bool PromisedServiceNotDelivered = false,
    int TimesRaisedUnresolved = 1,
    bool GovernmentReferralWithSocialImpact = false,
    int ComplainantCount = 1,
    int DaysUnresolved = 0,
    int LinkedComplainantCount = 0)
{
    /// <summary>The larger of the joint count and the incident's distinct complainants (3.1.2(e)).</summary>
    public int GroupSize => Math.Max(ComplainantCount, LinkedComplainantCount);

    /// <summary>
    /// The old single question 是否造成人身伤害或重大经济损失, still in API answers for readers written against it
    /// (deprecated there); the classifier never reads it.
    /// </summary>
    public bool InjuryOrMajorEconomicLoss => Injury || MajorEconomicLoss;

    /// <summary>A major economic loss (3.1.2(b)): a loss, and a major one.</summary>
    public bool MajorEconomicLoss => EconomicLoss && LossIsMajor;

    /// <summary>
    /// The facts from the old single question 是否造成人身伤害或重大经济损失 (API field injuryOrMajorEconomicLoss, deprecated):
    /// read as a major economic loss, which gives every clause the old question gave (3.1.2 with an accident, 3.1.2(b)
    /// with the company's fault). Where it was really an injury a supervisor reclassifies.
    /// </summary>
    public ClassificationFacts WithLegacyInjuryOrMajorLoss(bool injuryOrMajorEconomicLoss) =>
        injuryOrMajorEconomicLoss ? this with { EconomicLoss = true, LossIsMajor = true } : this;
}
