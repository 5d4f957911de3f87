namespace ComplaintDesk.Domain.Classification;

/// <summary>A clause of the procedure that applied, with the reason in words a clerk reads.</summary>
public sealed record ClauseHit(string Code, string Explanation);

/// <summary>What <see cref="Classifier"/> decided and why.</summary>
public sealed record ClassificationResult(
    ComplaintType Type,
    Severity? Severity,
    IReadOnlyList<ClauseHit> Clauses,
    IReadOnlyList<ComplaintFlag> Flags)
{
    public bool IsEffective => Type == ComplaintType.A;

    public bool IsMajor => Severity == Classification.Severity.Major;

    /// <summary>Clause codes joined by ';' (the stored form), e.g. "3.1.1(a);3.1.2(e)".</summary>
    public string ClauseCodes => string.Join(';', Clauses.Select(c => c.Code));

    /// <summary>A short summary for a timeline entry: "A/重大 [3.1.1(a);3.1.2(d)]".</summary>
    public string Summary => $"{Type}/{Labels.Of(Severity)} [{ClauseCodes}]";
}
