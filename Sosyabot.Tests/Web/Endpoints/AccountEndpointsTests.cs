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
}
