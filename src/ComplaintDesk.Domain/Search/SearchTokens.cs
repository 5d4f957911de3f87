using System.Text;
using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Domain.Complaints;

namespace ComplaintDesk.Domain.Search;

/// <summary>
/// The search index's tokens (docs/decisions/0012-search-index.md). Text is cut as Lucene's CJKAnalyzer cuts it:
/// overlapping two-character tokens for runs of Chinese (a run of one character is one token), whole tokens for runs of
/// digits and of latin letters (lower case); full-width forms count as their half-width ones. Phones, numbers and rooms
/// get tokens of their own, marked by a prefix no text token has (text tokens hold only letters and digits).
/// </summary>
public static class SearchTokens
{
    /// <summary>Longest token stored (the column's length).</summary>
    public const int MaxLength = 40;

    private const int MaxDigitRun = 20;
    private const int MaxLatinRun = 32;

    /// <summary>Tokens of a whole phone number (E.164 as <see cref="PhoneNumber.Normalized"/>).</summary>
    public static string Phone(string normalized) => "p:" + normalized;

    /// <summary>Tokens of a phone's last four digits (before any extension).</summary>
    public static string PhoneLast4(string digits) => "p4:" + digits;

    /// <summary>A complaint number's digits (TS2026110042 → #2026110042).</summary>
    public static string Number(string digits) => "#" + digits;

    public static string NumberYear(string yyyy) => "#y" + yyyy;

    public static string NumberMonth(string yyyymm) => "#m" + yyyymm;

    /// <summary>A complaint number's last four digits (its sequence within the month).</summary>
    public static string NumberLast4(string digits) => "#s" + digits;

    /// <summary>A room key (<see cref="RoomKey"/>): r:3-1-1202, r:3-1, r:3.</summary>
    public static string Room(string key) => "r:" + key;

    /// <summary>Every token of one complaint's searchable text: number, complainant, phone, location, content, notes.</summary>
    public static HashSet<string> ForComplaint(string number, string complainantName, string? phoneNormalized, string location, IEnumerable<string?> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        AddNumber(tokens, number);
        AddName(tokens, complainantName);
        AddPhone(tokens, phoneNormalized);
        AddLocation(tokens, location);
        foreach (var text in texts)
        {
            AddText(tokens, text);
        }

        return tokens;
    }

    /// <summary>
    /// The tokens of one complaint as registered (its timeline and follow-up notes included, and a referral's ticket number
    /// read as text: its digit and latin runs).
    /// </summary>
    public static HashSet<string> ForComplaint(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return ForComplaint(
            complaint.Number, complaint.ComplainantName, complaint.PhoneNormalized, complaint.Location,
            [complaint.Content, complaint.Resolution, complaint.Referral?.TicketNumber, .. complaint.Timeline.Select(t => t.Note), .. complaint.FollowUps.Select(f => f.Note)]);
    }

    public static void AddNumber(HashSet<string> tokens, string number)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (!ComplaintNumber.TryParse(number, out _, out _))
        {
            return;
        }

        var digits = number[ComplaintNumber.Prefix.Length..];
        tokens.Add(Number(digits));
        tokens.Add(NumberYear(digits[..4]));
        tokens.Add(NumberMonth(digits[..6]));
        tokens.Add(NumberLast4(digits[^4..]));
    }

    public static void AddPhone(HashSet<string> tokens, string? normalized)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (string.IsNullOrEmpty(normalized) || normalized.Length + 2 > MaxLength)
        {
            return;
        }

        tokens.Add(Phone(normalized));
        var main = normalized.Split(';')[0];
        if (main.Length >= 5)
        {
            tokens.Add(PhoneLast4(main[^4..]));
        }
    }

    /// <summary>The name's text tokens, each of its Chinese characters alone (a surname is searched by itself) and the whole name.</summary>
    public static void AddName(HashSet<string> tokens, string? name)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (string.IsNullOrWhiteSpace(name))
        {
            return;
        }

        AddText(tokens, name);
        foreach (var c in Normalize(name))
        {
            if (IsCjk(c))
            {
                tokens.Add(c.ToString());
            }
        }
    }

    public static void AddLocation(HashSet<string> tokens, string? location)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (string.IsNullOrWhiteSpace(location))
        {
            return;
        }

        AddText(tokens, location);
        foreach (var key in RoomKey.KeysIn(location))
        {
            tokens.Add(Room(key));
        }
    }

    public static void AddText(HashSet<string> tokens, string? text)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        foreach (var run in Runs(text))
        {
            foreach (var token in run.Tokens())
            {
                tokens.Add(token);
            }
        }
    }

    /// <summary>Full-width forms to half-width (NFKC), latin to lower case.</summary>
    public static string Normalize(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    /// <summary>The runs of one text, in order: Chinese, digits, latin; everything else separates them.</summary>
    public static IEnumerable<TextRun> Runs(string? text)
    {
        var normalized = Normalize(text);
        var start = 0;
        while (start < normalized.Length)
        {
            var kind = KindOf(normalized[start]);
            if (kind == RunKind.None)
            {
                start++;
                continue;
            }

            var end = start + 1;
            while (end < normalized.Length && KindOf(normalized[end]) == kind)
            {
                end++;
            }

            yield return new TextRun(kind, normalized[start..end]);
            start = end;
        }
    }

    public static bool IsCjk(char c) =>
        c is (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\u3040' and <= '\u30FF') or (>= '\uAC00' and <= '\uD7AF');

    private static RunKind KindOf(char c)
    {
        if (c is >= '0' and <= '9')
        {
            return RunKind.Digits;
        }

        if (IsCjk(c))
        {
            return RunKind.Cjk;
        }

        return char.IsLetter(c) && !char.IsSurrogate(c) ? RunKind.Latin : RunKind.None;
    }

    public enum RunKind
    {
        None = 0,
        Cjk = 1,
        Digits = 2,
        Latin = 3,
    }

    /// <summary>One run of characters of one kind, already normalised.</summary>
    public readonly record struct TextRun(RunKind Kind, string Text)
    {
        /// <summary>Its tokens: overlapping pairs for Chinese, the whole run (cut to the longest kept) otherwise.</summary>
        public IEnumerable<string> Tokens()
        {
            switch (Kind)
            {
                case RunKind.Cjk when Text.Length == 1:
                    yield return Text;
                    break;
                case RunKind.Cjk:
                    for (var i = 0; i + 1 < Text.Length; i++)
                    {
                        yield return Text.Substring(i, 2);
                    }

                    break;
                case RunKind.Digits:
                    yield return Text.Length > MaxDigitRun ? Text[..MaxDigitRun] : Text;
                    break;
                default:
                    yield return Text.Length > MaxLatinRun ? Text[..MaxLatinRun] : Text;
                    break;
            }
        }
    }
}
