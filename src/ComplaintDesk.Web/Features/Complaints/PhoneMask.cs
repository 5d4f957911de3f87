using ComplaintDesk.Domain.Complaints;

namespace ComplaintDesk.Web.Features.Complaints;

/// <summary>Masks a complainant's phone for lists and exports: 13812341234 → 138****1234.</summary>
public static class PhoneMask
{
    public static string Mask(string? phone) => PhoneNumber.Mask(phone);
}
