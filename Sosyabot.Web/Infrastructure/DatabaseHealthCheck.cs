using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sosyabot.Core.Data;

namespace Sosyabot.Web.Infrastructure;

public sealed class DatabaseHealthCheck(SosyabotDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy("PostgreSQL is reachable and the schema is current.")
                : HealthCheckResult.Degraded($"PostgreSQL is reachable but {pending} migration(s) are not applied.");
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is not reachable.", e);
        }
    }
}
