using System.Globalization;
using ComplaintDesk.Domain.Classification;

namespace ComplaintDesk.Domain.Tests.TestSupport;

/// <summary>
/// Reads "accident injury raised=2 people=10" into <see cref="ClassificationFacts"/>, so that a table row
/// stays one readable line of plain values (which xunit can show and count row by row).
/// </summary>
public static class FactsSpec
{
    public static ClassificationFacts Parse(Cause cause, string spec)
    {
        var facts = new ClassificationFacts(cause);
        foreach (var word in spec.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = word.Split('=');
            var number = parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
            facts = parts[0] switch
            {
                "fault" => facts with { CompanyAtFault = true },
                "accident" => facts with { Accident = true },
                "injury" => facts with { Injury = true },
                "loss" => facts with { EconomicLoss = true },
                "majorloss" => facts with { EconomicLoss = true, LossIsMajor = true },
                "media" => facts with { MediaExposure = true },
                "promised" => facts with { PromisedServiceNotDelivered = true },
                "gov" => facts with { GovernmentReferralWithSocialImpact = true },
                "raised" => facts with { TimesRaisedUnresolved = number },
                "people" => facts with { ComplainantCount = number },
                "linked" => facts with { LinkedComplainantCount = number },
                "days" => facts with { DaysUnresolved = number },
                _ => throw new ArgumentException($"Unknown fact '{word}'.", nameof(spec)),
            };
        }

        return facts;
    }

    public static ClassificationFacts A(string spec = "") => Parse(Cause.ManagementService, spec);
}
