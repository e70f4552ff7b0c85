using System.Net;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Web.Endpoints;

public class AccountEndpointsTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Logging_out_signs_the_user_out()
    {
        using var account = await TestAccount.RegisterAsync(app);
        var token = await account.Client.AntiforgeryTokenAsync("/account/login");

        var response = await account.Client.PostAsync("/account/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { [HtmlForms.AntiforgeryField] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.RedirectTarget());
        var page = await account.Client.GetAsync($"/w/{account.PersonalWorkspaceId}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.RedirectTarget());
    }

    [Fact]
    public async Task Logging_out_without_an_antiforgery_token_is_refused()
    {
        using var account = await TestAccount.RegisterAsync(app);

        var response = await account.Client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await account.Client.GetAsync($"/w/{account.PersonalWorkspaceId}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(RedirectPayloads.All), MemberType = typeof(RedirectPayloads))]
    public async Task Signing_in_with_a_return_address_that_would_leave_the_site_goes_home(string returnUrl)
    {
        using var account = await TestAccount.RegisterAsync(app);
        using var browser = app.CreateClient();
        var loginPage = $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}";

        var page = await browser.GetAsync(loginPage);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var register = HtmlForms.Parse(await page.Content.ReadAsStringAsync()).QuerySelector("a[href^='/account/register']")!.GetAttribute("href");
        Assert.Equal("/account/register?returnUrl=%2F", register);

        var signIn = await browser.SubmitFormAsync(loginPage, "login", new Dictionary<string, string>
        {
            ["Input.Email"] = account.Email,
            ["Input.Password"] = TestAccount.DefaultPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.RedirectTarget());
    }

    [Theory]
    [MemberData(nameof(RedirectPayloads.All), MemberType = typeof(RedirectPayloads))]
    public async Task Registering_with_a_return_address_that_would_leave_the_site_goes_home(string returnUrl)
    {
        using var browser = app.CreateClient();
        var password = TestAccount.DefaultPassword;

        var registered = await browser.SubmitFormAsync($"/account/register?returnUrl={Uri.EscapeDataString(returnUrl)}", "register", new Dictionary<string, string>
        {
            ["Input.Email"] = TestData.UniqueEmail(),
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/", registered.RedirectTarget());
    }
}
