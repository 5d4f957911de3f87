using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintDesk.Web.Tests.Security;

/// <summary>Staff see only their projects' complaints: another project's complaint does not exist for them.</summary>
public sealed class CrossProjectTests : IAsyncLifetime
{
    private readonly DeskAppFactory _app = new();
    private long _complaintInProject3;

    public async Task InitializeAsync()
    {
        await _app.StartAsync();
        _complaintInProject3 = await AppEndpoints.RegisterComplaintAsync(_app, "clerk2", projectId: 3);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("clerk2")]
    [InlineData("manager")]
    public async Task FindAsync_StaffOfTheProjectOrCompanyWide_FindsComplaint(string userName)
    {
        await using var scope = await AppEndpoints.ScopeForAsync(_app, userName);

        var complaint = await scope.ServiceProvider.GetRequiredService<ComplaintQueries>().FindAsync(_complaintInProject3);

        Assert.NotNull(complaint);
        Assert.Equal(3, complaint.ProjectId);
    }

    [Theory]
    [InlineData("clerk")]
    [InlineData("supervisor")]
    public async Task FindAsync_StaffOfOtherProjects_ReturnsNull(string userName)
    {
        await using var scope = await AppEndpoints.ScopeForAsync(_app, userName);

        var complaint = await scope.ServiceProvider.GetRequiredService<ComplaintQueries>().FindAsync(_complaintInProject3);

        Assert.Null(complaint);
    }

    [Fact]
    public async Task ListAsync_StaffOfOtherProjects_LeavesComplaintOut()
    {
        await using var scope = await AppEndpoints.ScopeForAsync(_app, "clerk");

        var page = await scope.ServiceProvider.GetRequiredService<ComplaintQueries>().ListAsync(new ComplaintFilter { ProjectId = 3 });

        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task Dispatch_StaffOfOtherProjects_ThrowsNotFoundAndChangesNothing()
    {
        await using (var scope = await AppEndpoints.ScopeForAsync(_app, "clerk"))
        {
            var workflow = scope.ServiceProvider.GetRequiredService<ComplaintWorkflow>();

            await Assert.ThrowsAsync<ComplaintNotFoundException>(() =>
                workflow.DispatchAsync(_complaintInProject3, new DispatchInput { DepartmentId = 1 }, expectedVersion: null));
        }

        var status = await _app.WithDbAsync(db => Task.FromResult(db.Complaints.Single(c => c.Id == _complaintInProject3).Status));
        Assert.Equal(Domain.Complaints.ComplaintStatus.Registered, status);
    }

    [Fact]
    public async Task Register_InAnotherProject_IsRefused()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() => AppEndpoints.RegisterComplaintAsync(_app, "clerk", projectId: 3));

        Assert.Contains(nameof(RegisterComplaintInput.ProjectId), error.Errors.Keys);
    }
}
