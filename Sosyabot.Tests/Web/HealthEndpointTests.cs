using System.Net;
using System.Text.Json;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Web;

public class HealthEndpointTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Healthz_reports_database_and_scheduler_healthy_once_started()
    {
        using var client = app.CreateClient();
        await app.RunningSchedulerAsync();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("scheduler").GetProperty("status").GetString());
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
