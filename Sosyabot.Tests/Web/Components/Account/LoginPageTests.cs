using System.Net;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Web.Components.Account;

public class LoginPageTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_wrong_password_shows_the_error_and_sets_no_auth_cookie()
    {
        using var account = await TestAccount.RegisterAsync(app);
        using var client = app.CreateClient();

        var response = await client.SubmitFormAsync("/account/login", "login", Credentials(account.Email, "Wrong-password-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = HtmlForms.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid=login-error]");
        Assert.Equal("Email or password is not correct.", error?.TextContent.Trim());
        Assert.DoesNotContain(SetCookies(response), c => c.StartsWith("sosyabot.auth=", StringComparison.Ordinal));
        var page = await client.GetAsync($"/w/{account.PersonalWorkspaceId}");
        Assert.StartsWith("/account/login", page.RedirectTarget());
    }

    [Fact]
    public async Task The_right_password_signs_in_and_follows_a_local_return_url()
    {
        using var account = await TestAccount.RegisterAsync(app);
        using var client = app.CreateClient();
        var settings = $"/w/{account.PersonalWorkspaceId}/settings";

        var response = await client.SubmitFormAsync($"/account/login?returnUrl={Uri.EscapeDataString(settings)}", "login",
            Credentials(account.Email, TestAccount.DefaultPassword));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(settings, response.RedirectTarget());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(settings)).StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example/path")]
    [InlineData("/\\evil.example")]
    public async Task A_return_url_to_another_site_is_replaced_by_the_home_page(string returnUrl)
    {
        using var account = await TestAccount.RegisterAsync(app);
        using var client = app.CreateClient();

        var response = await client.SubmitFormAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}", "login",
            Credentials(account.Email, TestAccount.DefaultPassword));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.RedirectTarget());
    }

    private static Dictionary<string, string> Credentials(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
