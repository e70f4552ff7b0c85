using System.Net;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Web.Account;

public class SessionTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_cookie_copied_before_sign_out_is_sent_to_sign_in_afterwards()
    {
        using var account = await TestAccount.RegisterAsync(app);
        using var browser = app.CreateClient();
        var cookie = (await browser.SubmitLoginAsync(account.Email, TestAccount.DefaultPassword)).AuthSetCookie()!;
        using var copy = app.WithCopiedCookie(cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync($"/w/{account.PersonalWorkspaceId}")).StatusCode);

        await browser.SignOutAsync();

        var page = await copy.GetAsync($"/w/{account.PersonalWorkspaceId}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.RedirectTarget());
    }

    [Fact]
    public async Task Signing_out_ends_only_this_session()
    {
        using var account = await TestAccount.RegisterAsync(app);
        using var other = app.CreateClient();
        await other.SubmitLoginAsync(account.Email, TestAccount.DefaultPassword);

        await other.SignOutAsync();

        Assert.Equal(HttpStatusCode.OK, (await account.Client.GetAsync($"/w/{account.PersonalWorkspaceId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync($"/w/{account.PersonalWorkspaceId}")).StatusCode);
    }

    [Fact]
    public async Task Without_remember_me_the_cookie_ends_with_the_browser_session()
    {
        using var account = await TestAccount.RegisterAsync(app);
        using var client = app.CreateClient();

        var cookie = (await client.SubmitLoginAsync(account.Email, TestAccount.DefaultPassword)).AuthSetCookie();

        Assert.NotNull(cookie);
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task With_remember_me_the_cookie_is_kept_for_two_weeks()
    {
        using var account = await TestAccount.RegisterAsync(app);
        using var client = app.CreateClient();

        var cookie = (await client.SubmitLoginAsync(account.Email, TestAccount.DefaultPassword, rememberMe: true)).AuthSetCookie();

        Assert.NotNull(cookie);
        var expires = cookie.Split(';').Select(p => p.Trim()).Single(p => p.StartsWith("expires=", StringComparison.OrdinalIgnoreCase));
        var expiry = DateTimeOffset.Parse(expires["expires=".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expiry - DateTimeOffset.UtcNow, TimeSpan.FromDays(13), TimeSpan.FromDays(15));
    }
}
