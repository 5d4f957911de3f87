using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace ComplaintDesk.Web.Features.Complaints;

/// <summary>Marks what a search matched in a text shown in a list (&lt;mark&gt;), the rest HTML-encoded.</summary>
public static class SearchHighlight
{
    // Chinese as itself, as the app's pages write it (WebEncoderOptions), not as &#x…; entities.
    private static readonly HtmlEncoder _encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static IHtmlContent Mark(string? text, IReadOnlyList<string>? words)
    {
        if (string.IsNullOrEmpty(text))
        {
            return HtmlString.Empty;
        }

        if (words is not { Count: > 0 })
        {
            return new HtmlString(_encoder.Encode(text));
        }

        // Compared as the search compares: full-width as half-width, latin in lower case; one character for one.
        var folded = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            folded[i] = Fold(text[i]);
        }

        var haystack = new string(folded);
        var marked = new bool[text.Length];
        foreach (var word in words)
        {
            if (word.Length == 0)
            {
                continue;
            }

            var needle = new string(word.Select(Fold).ToArray());
            for (var at = haystack.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(needle, at + needle.Length, StringComparison.Ordinal))
            {
                Array.Fill(marked, true, at, needle.Length);
            }
        }

        var html = new System.Text.StringBuilder(text.Length + 32);
        var start = 0;
        while (start < text.Length)
        {
            var end = start;
            while (end < text.Length && marked[end] == marked[start])
            {
                end++;
            }

            var part = _encoder.Encode(text[start..end]);
            html.Append(marked[start] ? "<mark>" + part + "</mark>" : part);
            start = end;
        }

        return new HtmlString(html.ToString());
    }

    private static char Fold(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => char.ToLowerInvariant((char)(c - 0xFEE0)),
        '\u3000' => ' ',
        _ => char.ToLowerInvariant(c),
    };
}
