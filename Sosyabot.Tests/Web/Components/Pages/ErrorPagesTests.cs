using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Web.Components.Pages;

public partial class ErrorPagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task An_unknown_address_shows_not_found_to_anonymous_visitors()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is nothing at this address", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_address_shows_not_found_to_signed_in_users()
    {
        using var account = await TestAccount.RegisterAsync(app);

        var response = await account.Client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is nothing at this address", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_error_page_renders_for_anonymous_visitors()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/error");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Something went wrong", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_failed_request_shows_an_id_that_the_logged_error_carries()
    {
        var logs = new CapturedLogs();
        await using var factory = app.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Scheduler:Enabled", "false");
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter, FailingAddress>());
            b.ConfigureLogging(l => l.AddProvider(logs));
        });
        using var client = factory.CreateClient();

        var response = await client.GetAsync(FailingAddress.Path);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var id = ShownId().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEmpty(id);
        var logged = Assert.Single(logs.Entries, e => e.Exception?.Message == FailingAddress.Failure);
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Contains(id, logged.Message);
    }

    [Fact]
    public async Task Interactive_pages_carry_the_circuit_error_bar_and_the_reconnect_dialog()
    {
        using var account = await TestAccount.RegisterAsync(app);

        var html = await account.Client.GetStringAsync($"/w/{account.PersonalWorkspaceId}");

        Assert.Contains("id=\"blazor-error-ui\"", html);
        Assert.Contains("<a href=\".\" class=\"reload\">Reload</a>", html);
        Assert.Contains("id=\"components-reconnect-modal\"", html);
        var script = ReconnectScript().Match(html).Groups[1].Value;
        var served = await account.Client.GetAsync(script);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Contains("components-reconnect-state-changed", await served.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("this id: <code>([^<]+)</code>")]
    private static partial Regex ShownId();

    [GeneratedRegex("<script type=\"module\" src=\"([^\"]*ReconnectModal[^\"]*)\"")]
    private static partial Regex ReconnectScript();

    // A test-only address that throws, behind the app's own middleware, so its exception handler deals with it.
    private sealed class FailingAddress : IStartupFilter
    {
        public const string Path = "/test/fail";
        public const string Failure = "A failure made by the test.";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, nextMiddleware) => context.Request.Path == Path ? throw new InvalidOperationException(Failure) : nextMiddleware(context));
        };
    }
}
