using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Referrals;

namespace ComplaintDesk.Domain.Complaints;

/// <summary>
/// What a clerk records when registering a complaint; the shape is checked by the validator before it gets here. A referred
/// complaint carries its referral (deadlines already filled from the source's defaults).
/// </summary>
public sealed record ComplaintIntake(
    int ProjectId,
    int TopicId,
    int? DepartmentId,
    Channel Channel,
    string ComplainantName,
    ComplainantKind ComplainantKind,
    string Phone,
    string Location,
    string Content,
    ClassificationFacts Facts,
    ReferralTerms? Referral = null);

/// <summary>Maximum lengths shared by the EF configuration and the validators.</summary>
public static class FieldLimits
{
    public const int ComplainantName = 50;
    public const int Phone = 20;
    public const int Location = 100;
    public const int Content = 4000;
    public const int Note = 2000;
    public const int AssigneeName = 50;
    public const int ExternalParty = 100;
    public const int Clauses = 200;
    public const int Flags = 100;
    public const int ActorId = 64;
    public const int ActorName = 64;
    public const int Detail = 1000;
    public const int MaxComplainantCount = 100_000;
    public const int MaxTimesRaised = 1000;

    /// <summary>
    /// The column width for text of <paramref name="characters"/> characters: limits count characters (Unicode scalar
    /// values), SQL Server's nvarchar(n) counts UTF-16 units, and a character outside the BMP (CJK Extension B) takes two.
    /// </summary>
    public static int Stored(int characters) => characters * 2;
}
