using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sosyabot.Core.Admin;

namespace Sosyabot.Web.Infrastructure;

public static class HealthCheckExtensions
{
    public static IServiceCollection AddSosyabotHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<SchedulerHealthCheck>("scheduler");
        return services;
    }

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteAsync });
        return app;
    }

    // Anyone may ask whether the app is up; what is wrong inside (database errors, scheduler instance,
    // last job run) is only for the machine itself (container health checks) and system administrators.
    private static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        if (!await MaySeeDetailsAsync(context))
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync(report.Status.ToString());
            return;
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }

    // TestServer and unknown transports leave the address null: treated as not loopback.
    private static async Task<bool> MaySeeDetailsAsync(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)) return true;
        return Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            && await context.RequestServices.GetRequiredService<AdminWorkspaceService>().IsSystemAdminAsync(userId, context.RequestAborted);
    }
}
