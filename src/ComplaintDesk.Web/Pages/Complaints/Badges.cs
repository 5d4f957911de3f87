using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;

namespace ComplaintDesk.Web.Pages.Complaints;

/// <summary>Bootstrap badge colours for the complaint's categories, the same on every page.</summary>
public static class Badges
{
    public static string Type(ComplaintType type) => type switch
    {
        ComplaintType.A => "text-bg-primary",
        ComplaintType.B => "text-bg-info",
        _ => "text-bg-secondary",
    };

    public static string Severity(Severity? severity) => severity switch
    {
        Domain.Classification.Severity.Major => "text-bg-danger",
        Domain.Classification.Severity.Important => "text-bg-warning",
        Domain.Classification.Severity.Minor => "text-bg-success",
        _ => "text-bg-light border",
    };

    public static string Status(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Registered => "text-bg-warning",
        ComplaintStatus.InProgress => "text-bg-primary",
        ComplaintStatus.OnHold => "text-bg-secondary",
        ComplaintStatus.Resolved => "text-bg-info",
        ComplaintStatus.Closed => "text-bg-success",
        _ => "text-bg-dark",
    };
}
