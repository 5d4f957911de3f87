namespace ComplaintDesk.Domain.Complaints;

/// <summary>One complainant among the complaints of an incident (3.1.2(e)): who they are and how many people they speak for.</summary>
/// <param name="Name">The complainant's name as registered.</param>
/// <param name="PhoneNormalized">The normalised phone (<see cref="PhoneNumber.Normalized"/>); null when none could be read.</param>
/// <param name="JointCount">People complaining jointly in that complaint (1 for one person).</param>
public readonly record struct ComplainantEntry(string Name, string? PhoneNormalized, int JointCount);

/// <summary>Who counts as one complainant (docs/decisions: one complainant).</summary>
public static class Complainants
{
    /// <summary>
    /// Distinct complainants: one per normalised phone number, whatever names were given with it; by name only
    /// where a complaint has no readable phone. A joint complaint counts the people it speaks for (12 names on one
    /// letter count 12), once per complainant: the largest joint count among one complainant's complaints.
    /// </summary>
    public static int Distinct(IEnumerable<ComplainantEntry> complaints)
    {
        ArgumentNullException.ThrowIfNull(complaints);
        return complaints
            .GroupBy(c => string.IsNullOrEmpty(c.PhoneNormalized) ? "name:" + c.Name.Trim() : "tel:" + c.PhoneNormalized)
            .Sum(g => g.Max(c => Math.Max(1, c.JointCount)));
    }
}
