using System.Diagnostics.CodeAnalysis;
using ComplaintDesk.Domain.Calendar;
using ComplaintDesk.Domain.Complaints;

namespace ComplaintDesk.Domain.Search;

/// <summary>
/// What a clerk typed into the search box, understood: a phone (whole, or its last four digits), a complaint number
/// (whole, a year or month prefix such as TS202611, its last four digits), a room (3栋1单元1202, 3-1-1202, 3栋), a name,
/// or words of the content and notes. Input is text, never syntax: quotes, *, OR, NEAR, -, brackets are nothing but
/// characters (punctuation separates words, letters are words). A match has every clause; a clause is any of its tokens.
/// </summary>
public sealed class SearchQuery
{
    /// <summary>Longest input accepted (characters).</summary>
    public const int MaxLength = 100;

    /// <summary>Most clauses one search may have; a long Chinese phrase keeps every other pair (which still covers each character).</summary>
    public const int MaxClauses = 12;

    public const string TooLongMessage = "搜索内容不能超过 100 个字，请只输入电话、编号、房号、姓名或关键词。";
    public const string NothingToSearchMessage = "请输入要查找的电话、编号、房号、姓名或文字（标点和符号不参与查找）。";
    public const string TooManyWordsMessage = "搜索词太多，请只输入几个关键词。";
    public const string NumberTooShortMessage = "按编号查找请至少输入到年份，例如 TS2026；或输入编号末 4 位，例如 0042。";

    private SearchQuery(string text, IReadOnlyList<IReadOnlyList<string>> clauses, string? numberPrefix, IReadOnlyList<string> highlights, SearchKind kind)
    {
        Text = text;
        Clauses = clauses;
        NumberPrefix = numberPrefix;
        Highlights = highlights;
        Kind = kind;
    }

    /// <summary>The input, trimmed.</summary>
    public string Text { get; }

    /// <summary>Every clause must match; a clause matches when the complaint has any of its tokens.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Clauses { get; }

    /// <summary>A number prefix finer than a month (TS2026110): the clauses find the month, this narrows it.</summary>
    public string? NumberPrefix { get; }

    /// <summary>What to mark in a result (normalised, lower case for latin).</summary>
    public IReadOnlyList<string> Highlights { get; }

    /// <summary>What the input was read as (the first word's reading when there are several).</summary>
    public SearchKind Kind { get; }

    /// <summary>Reads <paramref name="text"/>; false with a message for a person when it cannot be searched.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SearchQuery? query, [NotNullWhen(false)] out string? error)
    {
        query = null;
        error = null;
        var typed = (text ?? string.Empty).Trim();
        if (typed.Length > MaxLength)
        {
            error = TooLongMessage;
            return false;
        }

        var clauses = new List<IReadOnlyList<string>>();
        var highlights = new List<string>();
        string? numberPrefix = null;
        SearchKind? kind = null;

        // A phone is often typed with spaces (138 1234 5678, +86 138-1234-5678): the whole input first.
        if (AsPhone(typed) is { } wholePhone)
        {
            clauses.Add([SearchTokens.Phone(wholePhone.Normalized)]);
            query = new SearchQuery(typed, clauses, null, [], SearchKind.Phone);
            return typed.Length > 0;
        }

        foreach (var word in Words(typed))
        {
            var reading = Read(word, clauses, highlights, ref numberPrefix, out error);
            if (error is not null)
            {
                return false;
            }

            kind ??= reading;
        }

        var distinct = Distinct(clauses);
        if (distinct.Count == 0)
        {
            error = NothingToSearchMessage;
            return false;
        }

        if (distinct.Count > MaxClauses)
        {
            error = TooManyWordsMessage;
            return false;
        }

        query = new SearchQuery(typed, distinct, numberPrefix, highlights.Distinct(StringComparer.Ordinal).ToList(), kind ?? SearchKind.Words);
        return true;
    }

    private static SearchKind Read(string word, List<IReadOnlyList<string>> clauses, List<string> highlights, ref string? numberPrefix, out string? error)
    {
        error = null;
        var normalized = SearchTokens.Normalize(word);

        // A complaint number, whole or a prefix: TS2026110042, TS202611, TS2026.
        if (normalized.StartsWith("ts", StringComparison.Ordinal) && normalized.Length > 2 && normalized[2..].All(char.IsAsciiDigit))
        {
            var digits = normalized[2..];
            var upper = ComplaintNumber.Prefix + digits;
            highlights.Add(upper);
            if (ComplaintNumber.TryParse(upper, out _, out _))
            {
                clauses.Add([SearchTokens.Number(digits)]);
                return SearchKind.Number;
            }

            switch (digits.Length)
            {
                case < 4:
                    error = NumberTooShortMessage;
                    return SearchKind.Number;
                case 4:
                    clauses.Add([SearchTokens.NumberYear(digits)]);
                    return SearchKind.Number;
                case 5:
                    // TS20261: October to December; TS20260: January to September.
                    clauses.Add(digits[4] switch
                    {
                        '0' => Enumerable.Range(1, 9).Select(m => SearchTokens.NumberMonth(digits[..4] + "0" + (char)('0' + m))).ToList(),
                        '1' => new[] { "10", "11", "12" }.Select(m => SearchTokens.NumberMonth(digits[..4] + m)).ToList(),
                        _ => [SearchTokens.NumberMonth(digits + "x")],
                    });
                    return SearchKind.Number;
                default:
                    clauses.Add([SearchTokens.NumberMonth(digits[..6])]);
                    if (digits.Length > 6)
                    {
                        numberPrefix = upper;
                    }

                    return SearchKind.Number;
            }
        }

        if (RoomKey.Of(word) is { } room)
        {
            clauses.Add([SearchTokens.Room(room)]);
            highlights.Add(normalized);
            return SearchKind.Room;
        }

        if (AsPhone(word) is { } phone)
        {
            clauses.Add([SearchTokens.Phone(phone.Normalized)]);
            return SearchKind.Phone;
        }

        if (normalized.Length > 0 && normalized.All(char.IsAsciiDigit))
        {
            highlights.Add(normalized);
            if (normalized.Length == 4)
            {
                // 1202: a phone's last four, a number's last four, or a room or any number in the text.
                clauses.Add([SearchTokens.PhoneLast4(normalized), SearchTokens.NumberLast4(normalized), normalized]);
                return SearchKind.Last4;
            }

            if (normalized.Length == 10 && ComplaintNumber.TryParse(ComplaintNumber.Prefix + normalized, out _, out _))
            {
                clauses.Add([SearchTokens.Number(normalized), normalized]);
                return SearchKind.Number;
            }
        }

        // Words: each run's tokens. A long Chinese run keeps every other pair and the last, which cover each character.
        foreach (var run in SearchTokens.Runs(word))
        {
            highlights.Add(run.Text);
            var tokens = run.Tokens().ToList();
            for (var i = 0; i < tokens.Count; i++)
            {
                if (tokens.Count > 4 && i % 2 == 1 && i != tokens.Count - 1)
                {
                    continue;
                }

                clauses.Add([tokens[i]]);
            }
        }

        return SearchKind.Words;
    }

    /// <summary>A phone number: what <see cref="PhoneNumber"/> accepts, with at least seven digits (not a room or a year).</summary>
    private static PhoneNumber? AsPhone(string text)
    {
        if (text.Length == 0 || RoomKey.Of(text) is not null || !PhoneNumber.TryParse(text, out var phone))
        {
            return null;
        }

        return phone.Normalized.Count(char.IsAsciiDigit) >= 7 ? phone : null;
    }

    /// <summary>Words are separated by white space and by the separators people put between them (，、；,;).</summary>
    private static IEnumerable<string> Words(string text) =>
        text.Split([' ', '\t', '\r', '\n', '\u3000', '，', '、', '；', ',', ';', '。'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static List<IReadOnlyList<string>> Distinct(List<IReadOnlyList<string>> clauses)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var distinct = new List<IReadOnlyList<string>>();
        foreach (var clause in clauses)
        {
            if (seen.Add(string.Join('\u0001', clause)))
            {
                distinct.Add(clause);
            }
        }

        return distinct;
    }
}

/// <summary>How a search was read.</summary>
public enum SearchKind
{
    Words = 0,
    Phone = 1,
    Last4 = 2,
    Number = 3,
    Room = 4,
}
