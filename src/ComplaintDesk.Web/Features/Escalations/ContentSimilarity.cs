namespace ComplaintDesk.Web.Features.Escalations;

/// <summary>How alike two complaints read, explained in words.</summary>
public sealed record Similarity(double Score, IReadOnlyList<string> Shared)
{
    public bool IsSimilar => Score >= ContentSimilarity.Threshold;

    /// <summary>What the two complaints have in common, in the supervisor's words (no score, no formula).</summary>
    public string Explain() => Shared.Count == 0
        ? "内容没有相同的字词"
        : $"都提到「{string.Join("」「", Shared.Take(5))}」{(Shared.Count > 5 ? "等" : string.Empty)}";
}

/// <summary>
/// A simple similarity a supervisor can check by eye: the texts are cut into overlapping pairs of
/// characters (letters and digits only), and the score is the Dice coefficient of the two sets,
/// 2 × shared ÷ (pairs of one + pairs of the other). Computed in memory on a few candidates.
/// </summary>
public static class ContentSimilarity
{
    /// <summary>From this score on a candidate is suggested.</summary>
    public const double Threshold = 0.25;

    public static Similarity Compare(string a, string b)
    {
        var left = Bigrams(a);
        var right = Bigrams(b).ToHashSet(StringComparer.Ordinal);
        if (left.Count == 0 || right.Count == 0)
        {
            return new Similarity(0, []);
        }

        var shared = left.Where(right.Contains).ToList();
        return new Similarity(2.0 * shared.Count / (left.Count + right.Count), shared);
    }

    /// <summary>Overlapping pairs of letters and digits, in order of first appearance.</summary>
    public static IReadOnlyList<string> Bigrams(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray();
        var set = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < chars.Length; i++)
        {
            var pair = new string(chars, i, 2);
            if (seen.Add(pair))
            {
                set.Add(pair);
            }
        }

        return set;
    }
}
