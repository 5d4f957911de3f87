using ComplaintDesk.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ComplaintDesk.Web.Infrastructure;

/// <summary>
/// Ready when the app's own tables answer a query (a bare connection test passes on an empty SQLite file
/// that SQLite would create in place of a missing one).
/// </summary>
public sealed class DatabaseReadyCheck(ComplaintDeskDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.ProcedureSettings.AsNoTracking().AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex) || ex is InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("数据库无法访问", ex);
        }
    }
}
