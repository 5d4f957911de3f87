using ComplaintDesk.Domain.Complaints;

namespace ComplaintDesk.Domain.Tests;

/// <summary>The domain holds rules only: no storage, no web.</summary>
public class ArchitectureTests
{
    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Microsoft.AspNetCore")]
    public void DomainAssembly_References_NeitherEfCoreNorAspNetCore(string forbidden)
    {
        var references = typeof(Complaint).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();

        Assert.NotEmpty(references);
        Assert.DoesNotContain(references, name => name.StartsWith(forbidden, StringComparison.OrdinalIgnoreCase));
    }
}
