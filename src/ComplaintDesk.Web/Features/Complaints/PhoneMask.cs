namespace ComplaintDesk.Web.Features.Complaints;

/// <summary>Masks a complainant's phone for lists and exports: 13812341234 → 138****1234.</summary>
public static class PhoneMask
{
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
}
