using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ComplaintDesk.Domain.Calendar;

/// <summary>A month of the company's calendar, e.g. 2026-11.</summary>
public readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    public static YearMonth Of(DateTime local) => new(local.Year, local.Month);

    public YearMonth AddMonths(int months)
    {
        var index = (Year * 12) + (Month - 1) + months;
        return new YearMonth(index / 12, (index % 12) + 1);
    }

    public DateTime FirstDay => new(Year, Month, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>The month as it appears in a complaint number: yyyyMM.</summary>
    public string Compact => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}{Month:D2}");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    public int CompareTo(YearMonth other) => ((Year * 12) + Month).CompareTo((other.Year * 12) + other.Month);

    public static bool operator <(YearMonth left, YearMonth right) => left.CompareTo(right) < 0;

    public static bool operator >(YearMonth left, YearMonth right) => left.CompareTo(right) > 0;

    public static bool operator <=(YearMonth left, YearMonth right) => left.CompareTo(right) <= 0;

    public static bool operator >=(YearMonth left, YearMonth right) => left.CompareTo(right) >= 0;

    /// <summary>Parses "2026-11" (also "202611"); years 2000–2100 only.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out YearMonth value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var formats = new[] { "yyyy-MM", "yyyyMM", "yyyy-M" };
        if (!DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || date.Year is < 2000 or > 2100)
        {
            return false;
        }

        value = new YearMonth(date.Year, date.Month);
        return true;
    }
}
