using System.Text;

namespace ComplaintDesk.Domain.Complaints;

/// <summary>What kind of number a <see cref="PhoneNumber"/> is.</summary>
public enum PhoneKind
{
    /// <summary>Mainland mobile: 11 digits starting 1[3-9].</summary>
    Mobile = 0,

    /// <summary>Mainland landline: 0 + area code (2 digits for 010/02x, 3 otherwise) + 7–8 digits, optional extension.</summary>
    Landline = 1,

    /// <summary>Any other country or region (+852, +853, +886, …), written with its code.</summary>
    International = 2,
}

/// <summary>
/// A complainant's phone number as typed, and its normalised form: one person is one normalised number, however
/// it was written (docs/decisions: who counts as one complainant). Normalised is E.164 (+86…), with ";ext=N" for a landline's extension.
/// Tolerates spaces, dashes, dots, parentheses and full-width characters; +86 and 0086 are the mainland.
/// </summary>
public sealed record PhoneNumber
{
    /// <summary>The message a person sees for a number that is none of the accepted forms.</summary>
    public const string InvalidMessage =
        "联系电话无效：手机号为 1 开头的 11 位数字；座机请带区号（如 010-12345678，分机写作 010-12345678-123 或 010-12345678转123）；" +
        "境外号码请以 + 和国家或地区代码开头（如 +852 9123 4567）。";

    /// <summary>Longest normalised form: "+" + 15 digits (E.164) + ";ext=" + 6 digits.</summary>
    public const int MaxNormalizedLength = 32;

    private const int MaxExtensionDigits = 6;

    private static readonly string[] _extensionMarkers = ["转", "分机", "ext.", "ext", "x", "#", ","];

    private PhoneNumber(string typed, string normalized, PhoneKind kind)
    {
        Typed = typed;
        Normalized = normalized;
        Kind = kind;
    }

    /// <summary>As the person wrote it (trimmed): what pages show.</summary>
    public string Typed { get; }

    /// <summary>One spelling per number: +8613812345678, +861012345678;ext=123, +85291234567.</summary>
    public string Normalized { get; }

    public PhoneKind Kind { get; }

    /// <summary>A phone as lists and exports show it: 13812341234 → 138****1234 (domain.md, Privacy).</summary>
    public static string Mask(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return string.Empty;
        }

        var digits = phone.Trim();
        if (digits.Length >= 8)
        {
            return string.Concat(digits.AsSpan(0, 3), "****", digits.AsSpan(digits.Length - 4));
        }

        return digits.Length <= 2 ? new string('*', digits.Length) : string.Concat(digits.AsSpan(0, 1), new string('*', digits.Length - 2), digits.AsSpan(digits.Length - 1));
    }

    /// <summary>Parses <paramref name="text"/>; refuses anything that is not a phone number with <see cref="InvalidMessage"/>.</summary>
    public static PhoneNumber Parse(string? text) =>
        TryParse(text, out var phone) ? phone : throw new DomainRuleException(RuleCodes.InvalidInput, InvalidMessage);

    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PhoneNumber? phone)
    {
        phone = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var typed = text.Trim();
        var ascii = ToAscii(typed);
        if (!SplitExtension(ascii, out var main, out var extension))
        {
            return false;
        }

        var international = false;
        main = main.Trim();
        if (main.StartsWith("(+", StringComparison.Ordinal))
        {
            main = main[1..];
        }

        if (main.StartsWith('+'))
        {
            international = true;
            main = main[1..];
        }

        var groups = DigitGroups(main);
        if (groups is null || groups.Count == 0)
        {
            return false;
        }

        var digits = string.Concat(groups);
        if (!international && digits.StartsWith("00", StringComparison.Ordinal))
        {
            international = true;
            digits = digits[2..];
            groups = Regroup(groups, 2);
        }

        string? normalized;
        PhoneKind kind;
        if (international && !digits.StartsWith("86", StringComparison.Ordinal))
        {
            kind = PhoneKind.International;
            normalized = Foreign(digits) is { } foreign ? foreign + (extension is null ? string.Empty : ";ext=" + extension) : null;
        }
        else
        {
            if (international)
            {
                digits = digits[2..];
                groups = Regroup(groups, 2);
                if (digits.Length > 0 && digits[0] != '0' && !IsMobile(digits))
                {
                    // +86 drops the landline's trunk 0: +86 10 12345678.
                    digits = "0" + digits;
                    groups = ["0", .. groups];
                }
            }

            if (IsMobile(digits) && extension is null)
            {
                kind = PhoneKind.Mobile;
                normalized = "+86" + digits;
            }
            else
            {
                kind = PhoneKind.Landline;
                normalized = Landline(digits, groups, extension);
            }
        }

        if (normalized is null)
        {
            return false;
        }

        phone = new PhoneNumber(typed, normalized, kind);
        return true;
    }

    public override string ToString() => Typed;

    private static bool IsMobile(string digits) =>
        digits.Length == 11 && digits[0] == '1' && digits[1] is >= '3' and <= '9' && AllDigits(digits);

    /// <summary>0 + area code + 7–8 digits; a trailing group typed apart may be the extension (010-12345678-123).</summary>
    private static string? Landline(string digits, List<string> groups, string? extension)
    {
        if (IsLandline(digits))
        {
            return LandlineForm(digits, extension);
        }

        if (extension is null && groups.Count >= 2 && groups[^1].Length <= MaxExtensionDigits)
        {
            var main = digits[..^groups[^1].Length];
            if (IsLandline(main))
            {
                return LandlineForm(main, groups[^1]);
            }
        }

        return null;
    }

    private static bool IsLandline(string digits)
    {
        if (digits.Length < 2 || digits[0] != '0')
        {
            return false;
        }

        // The mainland plan: 010 and 020–029 have two-digit area codes, every other 0xxx three.
        var areaDigits = digits[1] switch
        {
            '1' when digits.Length > 2 && digits[2] == '0' => 2,
            '2' => 2,
            >= '3' and <= '9' => 3,
            _ => 0,
        };
        if (areaDigits == 0)
        {
            return false;
        }

        var local = digits.Length - 1 - areaDigits;
        return local is 7 or 8 && digits[1 + areaDigits] != '0' && AllDigits(digits);
    }

    private static string LandlineForm(string digits, string? extension) =>
        "+86" + digits[1..] + (extension is null ? string.Empty : ";ext=" + extension);

    /// <summary>Country code and number: 852/853 take 8 digits, 886 8–9 (its trunk 0 dropped), others 7–15 in all.</summary>
    private static string? Foreign(string digits)
    {
        if (digits.Length == 0 || digits[0] == '0' || !AllDigits(digits))
        {
            return null;
        }

        if (digits.StartsWith("852", StringComparison.Ordinal) || digits.StartsWith("853", StringComparison.Ordinal))
        {
            return digits.Length == 11 ? "+" + digits : null;
        }

        if (digits.StartsWith("886", StringComparison.Ordinal))
        {
            var national = digits[3..].TrimStart('0');
            return national.Length is 8 or 9 ? "+886" + national : null;
        }

        return digits.Length is >= 7 and <= 15 ? "+" + digits : null;
    }

    private static bool SplitExtension(string text, out string main, out string? extension)
    {
        main = text;
        extension = null;
        foreach (var marker in _extensionMarkers)
        {
            var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at <= 0)
            {
                continue;
            }

            var tail = text[(at + marker.Length)..].Trim().TrimStart(':', '.').Trim();
            if (tail.Length is 0 or > MaxExtensionDigits || !AllDigits(tail))
            {
                return false;
            }

            main = text[..at];
            extension = tail;
            return true;
        }

        return true;
    }

    /// <summary>The runs of digits between separators; null when anything else is in the text.</summary>
    private static List<string>? DigitGroups(string text)
    {
        var groups = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9')
            {
                current.Append(c);
            }
            else if (c is ' ' or '-' or '.' or '(' or ')' or '/' or '\t')
            {
                if (current.Length > 0)
                {
                    groups.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                return null;
            }
        }

        if (current.Length > 0)
        {
            groups.Add(current.ToString());
        }

        return groups;
    }

    /// <summary>The groups with the first <paramref name="count"/> digits taken off.</summary>
    private static List<string> Regroup(List<string> groups, int count)
    {
        var result = new List<string>(groups.Count);
        foreach (var group in groups)
        {
            if (count >= group.Length)
            {
                count -= group.Length;
                continue;
            }

            result.Add(group[count..]);
            count = 0;
        }

        return result;
    }

    /// <summary>Full-width digits and punctuation (a Chinese input method's) to ASCII; the ideographic space to a space.</summary>
    private static string ToAscii(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                '\u2014' or '\u2013' or '\u2012' or '\u2212' => '-',
                _ => c,
            });
        }

        return builder.ToString();
    }

    private static bool AllDigits(string text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return text.Length > 0;
    }
}
