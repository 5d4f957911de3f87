using System.Security.Claims;
using ComplaintDesk.Data;
using ComplaintDesk.Data.Entities;
using ComplaintDesk.Domain.Classification;
using ComplaintDesk.Domain.Complaints;
using ComplaintDesk.Web.Features.Complaints;
using ComplaintDesk.Web.Features.Escalations;
using ComplaintDesk.Web.Infrastructure;
using ComplaintDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintDesk.Web.Tests.Escalations;

/// <summary>Drives the desk and the clock of a <see cref="DeskAppFactory"/> as the people of the demo would.</summary>
internal static class EscalationKit
{
    /// <summary>
    /// The escalation tests run one class at a time: Program's Serilog bootstrap logger is process-wide, and
    /// hosts started in parallel can trip over it ("The logger is already frozen").
    /// </summary>
    public const string Collection = "Escalations";

    /// <summary>A factory whose background clock is off, so that a test decides when the clock runs.</summary>
    public static DeskAppFactory NewApp()
    {
        var app = new DeskAppFactory();
        app.Settings["Escalations:ClockEnabled"] = "false";
        return app;
    }

    public static ClaimsPrincipal Principal(string id, string name, string role, bool companyWide, params int[] projects)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, id),
            new(ClaimTypes.Name, id),
            new(StaffClaimTypes.DisplayName, name),
            new(ClaimTypes.Role, role),
        };
        if (companyWide)
        {
            claims.Add(new Claim(StaffClaimTypes.CompanyWide, "true"));
        }

        claims.AddRange(projects.Select(p => new Claim(StaffClaimTypes.Project, p.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    public static ClaimsPrincipal Supervisor { get; } = Principal("test-supervisor", "测试主管", Roles.Supervisor, false, 1, 2, 3);

    /// <summary>Another supervisor: who follows up what <see cref="Supervisor"/> resolved (the follow-up rules).</summary>
    public static ClaimsPrincipal Caller { get; } = Principal("test-caller", "回访主管", Roles.Supervisor, false, 1, 2, 3);

    public static RegisterComplaintInput Input(
        string name = "张三", string phone = "13800001234", string content = "3栋电梯停运，业主被困20分钟", int projectId = 1, int topicId = 1,
        Cause cause = Cause.ManagementService, bool companyAtFault = false, bool governmentReferral = false, int complainantCount = 1) => new()
    {
        ComplainantName = name,
        ComplainantKind = ComplainantKind.Owner,
        Phone = phone,
        ProjectId = projectId,
        Location = "3栋",
        Channel = Channel.Phone,
        TopicId = topicId,
        Content = content,
        Cause = cause,
        CompanyAtFault = companyAtFault,
        GovernmentReferralWithSocialImpact = governmentReferral,
        ComplainantCount = complainantCount,
    };

    public static async Task<T> AsAsync<T>(this DeskAppFactory app, ClaimsPrincipal user, Func<IServiceProvider, Task<T>> action)
    {
        await app.StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var staff = new CurrentStaff(user);
        var services = new OverridingProvider(scope.ServiceProvider, staff);
        return await action(services);
    }

    public static Task<T> WorkflowAsync<T>(this DeskAppFactory app, Func<ComplaintWorkflow, Task<T>> action) =>
        app.AsAsync(Supervisor, sp => action(sp.GetRequiredService<ComplaintWorkflow>()));

    /// <summary>A move by <see cref="Caller"/> (follow-ups of what the usual supervisor resolved).</summary>
    public static Task<T> CallerWorkflowAsync<T>(this DeskAppFactory app, Func<ComplaintWorkflow, Task<T>> action) =>
        app.AsAsync(Caller, sp => action(sp.GetRequiredService<ComplaintWorkflow>()));

    public static async Task<long> RegisterAsync(this DeskAppFactory app, RegisterComplaintInput? input = null) =>
        (await app.WorkflowAsync(w => w.RegisterAsync(input ?? Input()))).Id;

    public static Task DispatchAsync(this DeskAppFactory app, long id) =>
        app.WorkflowAsync(w => w.DispatchAsync(id, new DispatchInput { DepartmentId = 2 }, null));

    public static Task<ClockRunResult> RunClockAsync(this DeskAppFactory app) =>
        app.AsAsync(Supervisor, sp => sp.GetRequiredService<ClockCheck>().RunOnceAsync(app.Clock.GetUtcNow().UtcDateTime));

    public static void Advance(this DeskAppFactory app, TimeSpan span) => app.Clock.Advance(span);

    public static Task<List<EscalationEvent>> EventsAsync(this DeskAppFactory app, long complaintId) =>
        app.WithDbAsync(db => db.EscalationEvents().AsNoTracking().Where(e => e.ComplaintId == complaintId).OrderBy(e => e.Id).ToListAsync());

    public static Task<List<TimelineEntry>> TimelineAsync(this DeskAppFactory app, long complaintId) =>
        app.WithDbAsync(db => db.TimelineEntries.AsNoTracking().Where(t => t.ComplaintId == complaintId).OrderBy(t => t.Id).ToListAsync());

    public static Task<Complaint> ComplaintAsync(this DeskAppFactory app, long complaintId) =>
        app.WithDbAsync(db => db.Complaints.AsNoTracking().SingleAsync(c => c.Id == complaintId));

    public static Task<string> UserIdAsync(this DeskAppFactory app, string userName) =>
        app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    /// <summary>The scope's services, with the member of staff replaced by the test's.</summary>
    private sealed class OverridingProvider(IServiceProvider inner, CurrentStaff staff) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(CurrentStaff) ? staff
            : serviceType.Assembly == typeof(ComplaintWorkflow).Assembly && !serviceType.IsInterface && serviceType.GetConstructors().Length > 0
                && serviceType.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(CurrentStaff)))
                ? ActivatorUtilities.CreateInstance(this, serviceType)
                : inner.GetService(serviceType);
    }
}
