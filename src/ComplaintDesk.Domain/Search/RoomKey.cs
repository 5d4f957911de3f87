using System.Text.RegularExpressions;

namespace ComplaintDesk.Domain.Search;

/// <summary>
/// A room written one way, however it was typed: 3栋1单元1202, 3幢1单元1202室, 3号楼1单元1202 and 3-1-1202 are all
/// "3-1-1202"; a building alone (3栋) is "3", a building and unit (3栋1单元, 3-1) "3-1". A location stores every
/// level (3-1-1202, 3-1, 3), so a search for any of them finds it.
/// </summary>
public static partial class RoomKey
{
    /// <summary>The keys of every room mentioned in a location (usually one).</summary>
    public static IReadOnlyList<string> KeysIn(string? location)
    {
        var keys = new List<string>();
        var text = SearchTokens.Normalize(location);
        foreach (Match match in Written().Matches(text))
        {
            AddLevels(keys, match);
        }

        foreach (Match match in Dashed().Matches(text))
        {
            AddLevels(keys, match);
        }

        return keys;
    }

    /// <summary>The key of a search word that is a room (the whole word, nothing else), or null.</summary>
    public static string? Of(string word)
    {
        var text = SearchTokens.Normalize(word).Trim();
        var match = Written().Match(text);
        if (!match.Success || match.Length != text.Length)
        {
            match = Dashed().Match(text);
            if (!match.Success || match.Length != text.Length || !match.Groups["unit"].Success)
            {
                return null;
            }
        }

        return Key(match);
    }

    private static void AddLevels(List<string> keys, Match match)
    {
        var building = match.Groups["building"].Value.TrimStart('0');
        if (building.Length == 0)
        {
            return;
        }

        Add(keys, building);
        if (match.Groups["unit"].Success)
        {
            var unit = building + "-" + Trim(match.Groups["unit"].Value);
            Add(keys, unit);
            if (match.Groups["room"].Success)
            {
                Add(keys, unit + "-" + Trim(match.Groups["room"].Value));
            }
        }
    }

    private static string Key(Match match)
    {
        var key = match.Groups["building"].Value.TrimStart('0');
        if (match.Groups["unit"].Success)
        {
            key += "-" + Trim(match.Groups["unit"].Value);
            if (match.Groups["room"].Success)
            {
                key += "-" + Trim(match.Groups["room"].Value);
            }
        }

        return key;
    }

    private static void Add(List<string> keys, string key)
    {
        if (!keys.Contains(key, StringComparer.Ordinal))
        {
            keys.Add(key);
        }
    }

    private static string Trim(string digits) => digits.TrimStart('0') is { Length: > 0 } trimmed ? trimmed : "0";

    // 3栋1单元1202室, 3幢, 3号楼2单元, 12座101: building, then an optional unit, then an optional room.
    [GeneratedRegex(@"(?<![0-9])(?<building>[0-9]{1,3})(?:栋|幢|号楼|座)(?:(?<unit>[0-9]{1,2})单元)?(?:(?<room>[0-9]{2,5})(?:室|号)?)?", RegexOptions.CultureInvariant)]
    private static partial Regex Written();

    // 3-1-1202, 3-1: building-unit-room, the way clerks shorten it.
    [GeneratedRegex(@"(?<![0-9-])(?<building>[0-9]{1,3})-(?<unit>[0-9]{1,2})(?:-(?<room>[0-9]{2,5}))?(?![0-9-])", RegexOptions.CultureInvariant)]
    private static partial Regex Dashed();
}
