using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ComplaintDesk.Domain.Calendar;

/// <summary>Complaint numbers: TS + yyyyMM (local month) + a sequence of at least four digits, e.g. TS2026110001.</summary>
public static class ComplaintNumber
{
    public const string Prefix = "TS";
    public const int MinSequenceDigits = 4;

    /// <summary>Longest number we store: prefix, month and a sequence of up to 9 digits.</summary>
    public const int MaxLength = 2 + 6 + 9;

    public static string Format(YearMonth month, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequence);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{month.Compact}{sequence:D4}");
    }

    public static bool TryParse([NotNullWhen(true)] string? number, out YearMonth month, out int sequence)
    {
        month = default;
        sequence = 0;
        if (number is null || number.Length < Prefix.Length + 6 + MinSequenceDigits || number.Length > MaxLength
            || !number.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var digits = number.AsSpan(Prefix.Length);
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        if (!YearMonth.TryParse(digits[..6].ToString(), out month))
        {
            return false;
        }

        return int.TryParse(digits[6..], NumberStyles.None, CultureInfo.InvariantCulture, out sequence) && sequence > 0;
    }
}
