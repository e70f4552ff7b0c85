using Sosyabot.Tests.TestSupport;
using Sosyabot.Web.Infrastructure;

namespace Sosyabot.Tests.Web;

public class SecurityHeadersTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/healthz")]
    [InlineData("/app.css")]
    [InlineData("/no-such-page")]
    public async Task Every_answer_carries_nosniff_the_referrer_policy_and_the_content_security_policy(string path)
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeadersExtensions.ContentSecurityPolicy, csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
    }

    [Fact]
    public async Task Pages_render_no_inline_script()
    {
        using var client = app.CreateClient();

        var page = HtmlForms.Parse(await client.GetStringAsync("/account/login"));

        Assert.NotEmpty(page.Scripts);
        Assert.All(page.Scripts, s => Assert.False(string.IsNullOrEmpty(s.Source), $"inline script: {s.Text}"));
    }

    [Fact]
    public async Task The_oauth_callback_keeps_its_stricter_referrer_policy()
    {
        using var account = await TestAccount.RegisterAsync(app);

        var callback = await account.Client.GetAsync("/api/v1/auth/reddit/callback?code=a&state=b");

        Assert.Equal("no-referrer", Assert.Single(callback.Headers.GetValues("Referrer-Policy")));
    }
}
