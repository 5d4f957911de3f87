using ComplaintDesk.Domain.Complaints;

namespace ComplaintDesk.Web.Features.Complaints;

/// <summary>Hears what happened to a complaint after it was saved (e.g. it became major → notify).</summary>
public interface IComplaintEventHandler
{
    Task HandleAsync(Complaint complaint, ComplaintEvent complaintEvent, CancellationToken cancellationToken);
}
