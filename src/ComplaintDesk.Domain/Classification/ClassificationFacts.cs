namespace ComplaintDesk.Domain.Classification;

/// <summary>The facts a clerk records at intake; the input of <see cref="Classifier"/>.</summary>
/// <param name="TimesRaisedUnresolved">How many times the complainant has raised this problem unresolved; 1 = first time.</param>
/// <param name="ComplainantCount">People complaining jointly in this one complaint.</param>
/// <param name="DaysUnresolved">Calendar days since registration while unresolved; computed from the clock, never typed.</param>
/// <param name="LinkedComplainantCount">Distinct complainants of the incident this complaint is linked into; 0 when not linked.</param>
public sealed record ClassificationFacts(
    Cause Cause,
    bool CompanyAtFault = false,
    bool Accident = false,
    bool InjuryOrMajorEconomicLoss = false,
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
}
