using System.Net;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Web.Components.Pages;

public class ErrorPagesTests(AppFixture app) : IClassFixture<AppFixture>
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
}
