using ComplaintDesk.Web.Tests.Infrastructure;

namespace ComplaintDesk.Web.Tests.Admin;

/// <summary>One app and one signed-in administrator per test class (sign-ins are rate-limited per address).</summary>
public sealed class AdminFixture : IAsyncLifetime
{
    public DeskAppFactory App { get; } = new();

    public DeskClient Admin { get; private set; } = null!;

    public async Task InitializeAsync() => Admin = await App.SignInAsync("admin");

    public Task DisposeAsync()
    {
        Admin?.Dispose();
        App.Dispose();
        return Task.CompletedTask;
    }
}
