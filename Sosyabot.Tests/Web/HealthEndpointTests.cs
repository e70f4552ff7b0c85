using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sosyabot.Core.Data;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Web;

public class HealthEndpointTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Healthz_tells_anonymous_callers_only_whether_the_app_is_healthy()
    {
        using var client = app.CreateClient();
        await app.RunningSchedulerAsync();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_tells_anonymous_callers_that_the_app_is_unhealthy_without_saying_why()
    {
        await using var broken = app.Factory.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.AddHealthChecks().AddCheck("broken", () => HealthCheckResult.Unhealthy("connection refused to db.internal:5432"))));
        using var client = broken.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_gives_a_signed_in_user_who_is_not_a_system_admin_no_details()
    {
        using var account = await TestAccount.RegisterAsync(app);
        await app.RunningSchedulerAsync();

        Assert.Equal("Healthy", await account.Client.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task Healthz_shows_a_system_admin_the_database_and_scheduler_details()
    {
        using var account = await TestAccount.RegisterAsync(app);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SosyabotDbContext>().Users.Where(u => u.Email == account.Email)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.IsSystemAdmin, true));
        await app.RunningSchedulerAsync();

        await AssertDetailsAsync(await account.Client.GetAsync("/healthz"));
    }

    [Fact]
    public async Task Healthz_shows_the_details_to_callers_on_the_machine_itself()
    {
        await using var onLoopback = app.Factory.WithWebHostBuilder(b =>
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter, FromLoopback>()));
        using var client = onLoopback.CreateClient();
        // This second host starts its own scheduler a moment after it is up.
        Assert.True(await Eventually.TrueAsync(async () => (await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK));

        await AssertDetailsAsync(await client.GetAsync("/healthz"));
    }

    private static async Task AssertDetailsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("scheduler").GetProperty("status").GetString());
        Assert.Contains("is running", checks.GetProperty("scheduler").GetProperty("description").GetString());
    }

    // TestServer leaves the remote address empty; a real Kestrel connection from 127.0.0.1 would set it.
    private sealed class FromLoopback : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    [Fact]
    public async Task App_pages_redirect_anonymous_visitors_to_sign_in()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/w/" + Guid.NewGuid());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Sign_in_page_renders_for_anonymous_visitors()
    {
        using var client = app.CreateClient();

        var html = await client.GetStringAsync("/account/login");

        Assert.Contains("name=\"Input.Email\"", html);
        Assert.Contains("name=\"Input.Password\"", html);
    }
}
