using System.Text;
using FluentValidation;

namespace ComplaintDesk.Web.Infrastructure.Text;

/// <summary>
/// The one normaliser for text people type (pages and API alike), and the rules for writing stored text out.
/// Control characters other than line breaks and tab are removed on the way in (Word's Shift+Enter pastes U+000B,
/// which XML 1.0 — so every .xlsx — cannot hold); lengths are counted in characters (Unicode scalar values), so a
/// CJK Extension B name of 26 characters is 26 long, not 52.
/// </summary>
public static class TextInput
{
    /// <summary>Removes control characters except \n, \r and \t, and unpaired surrogates; null stays null.</summary>
    public static string? Clean(string? value) => value is null ? null : Keep(value, IsAllowedInput);

    /// <summary>Length in characters (Unicode scalar values), not UTF-16 code units.</summary>
    public static int Length(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return 0;
        }

        var count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    /// <summary>The first <paramref name="characters"/> characters (never cutting a surrogate pair).</summary>
    public static string Truncate(string value, int characters)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder();
        var count = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if (count++ == characters)
            {
                break;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }

    /// <summary>Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they make
    /// "invoice‮fdp.exe" look like "invoiceexe.pdf", so file names holding them are refused.</summary>
    public static bool HasBidiControl(string? value) =>
        value is not null
        && (value.AsSpan().IndexOfAnyInRange('\u202A', '\u202E') >= 0 || value.AsSpan().IndexOfAnyInRange('\u2066', '\u2069') >= 0);

    /// <summary>Text as XML 1.0 can hold it (every .xlsx cell and sheet name): forbidden characters removed.</summary>
    public static string ForXml(string? value) => value is null ? string.Empty : Keep(value, IsAllowedInXml);

    /// <summary>Text for a CSV field: no raw control characters (NUL, ESC…) other than line breaks and tab.</summary>
    public static string ForCsv(string? value) => value is null ? string.Empty : Keep(value, IsAllowedInput);

    private static bool IsAllowedInput(char c) => !char.IsControl(c) || c is '\n' or '\r' or '\t';

    private static bool IsAllowedInXml(char c) => c is '\n' or '\r' or '\t' || (c >= '\u0020' && c != '\uFFFE' && c != '\uFFFF');

    private static string Keep(string value, Func<char, bool> allowed)
    {
        if (IsClean(value, allowed))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (!char.IsSurrogate(c) && allowed(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsClean(string value, Func<char, bool> allowed)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || !allowed(c))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>FluentValidation rules that count characters as <see cref="TextInput.Length"/> does.</summary>
public static class TextRules
{
    /// <summary>At most <paramref name="characters"/> characters (not UTF-16 units); null and empty pass.</summary>
    public static IRuleBuilderOptions<T, string?> MaximumChars<T>(this IRuleBuilder<T, string?> rule, int characters) =>
        rule.Must(value => TextInput.Length(value) <= characters);
}
