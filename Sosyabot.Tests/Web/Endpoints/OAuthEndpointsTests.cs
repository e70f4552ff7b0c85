using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Data;
using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.Emulator.Reddit;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Web.Endpoints;

// The OAuth start and callback endpoints as a browser uses them, against the Reddit emulator.
public class OAuthEndpointsTests(EmulatedAppFixture fixture) : IClassFixture<EmulatedAppFixture>
{
    private static string StartUrl(Guid workspace, string returnTo = "/w/x/channels") =>
        $"/api/v1/auth/reddit/start?workspace={workspace}&returnTo={Uri.EscapeDataString(returnTo)}";

    private void SignInRedditAccount()
    {
        var reddit = fixture.Emulator.Platform<RedditEmulator>();
        reddit.SignIn(reddit.CreateAccount($"u{Guid.NewGuid():N}"[..12]));
    }

    // The platform's answer to the browser: the emulator consents at once and redirects to our callback.
    private static async Task<string> AuthorizeAsync(Uri authorizeUrl)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var answer = await browser.GetAsync(authorizeUrl);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return answer.Headers.Location!.PathAndQuery;
    }

    private async Task<int> ChannelCountAsync(Guid workspaceId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SosyabotDbContext>().Channels.CountAsync(c => c.WorkspaceId == workspaceId);
    }

    [Fact]
    public async Task Start_binds_the_flow_to_the_browser_with_a_lax_http_only_cookie_and_redirects_to_the_platform()
    {
        using var account = await TestAccount.RegisterAsync(fixture);

        var start = await account.Client.GetAsync(StartUrl(account.PersonalWorkspaceId));

        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var location = start.Headers.Location!;
        Assert.StartsWith(fixture.Emulator.Url("reddit-www/api/v1/authorize"), location.AbsoluteUri);
        Assert.Equal("http://127.0.0.1/api/v1/auth/reddit/callback", QueryHelpers.ParseQuery(location.Query)["redirect_uri"].ToString());
        var cookie = Assert.Single(start.Headers.GetValues("Set-Cookie"), c => c.StartsWith("sosyabot.oauth.", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/api/v1/auth", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_callback_saves_the_channel_and_returns_to_a_local_page_without_leaking_the_code()
    {
        using var account = await TestAccount.RegisterAsync(fixture);
        SignInRedditAccount();
        var returnTo = $"/w/{account.PersonalWorkspaceId}/channels";
        var start = await account.Client.GetAsync(StartUrl(account.PersonalWorkspaceId, returnTo));

        var callback = await account.Client.GetAsync(await AuthorizeAsync(start.Headers.Location!));

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.StartsWith(returnTo + "?connected=", callback.RedirectTarget());
        Assert.Equal("no-referrer", callback.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("no-store", callback.Headers.CacheControl!.ToString());
        Assert.Equal(1, await ChannelCountAsync(account.PersonalWorkspaceId));
    }

    [Fact]
    public async Task A_callback_in_another_browser_of_the_same_user_saves_nothing()
    {
        using var account = await TestAccount.RegisterAsync(fixture);
        SignInRedditAccount();
        var start = await account.Client.GetAsync(StartUrl(account.PersonalWorkspaceId));
        var callbackPath = await AuthorizeAsync(start.Headers.Location!);
        using var otherBrowser = fixture.CreateClient();
        var signIn = await otherBrowser.SubmitFormAsync("/account/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = account.Email,
            ["Input.Password"] = TestAccount.DefaultPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var callback = await otherBrowser.GetAsync(callbackPath);

        Assert.StartsWith($"/w/{account.PersonalWorkspaceId}/channels?connect_attempt=", callback.RedirectTarget());
        Assert.Equal(0, await ChannelCountAsync(account.PersonalWorkspaceId));
    }

    [Fact]
    public async Task An_outside_return_address_is_replaced_by_the_channels_page()
    {
        using var account = await TestAccount.RegisterAsync(fixture);
        SignInRedditAccount();
        var start = await account.Client.GetAsync(StartUrl(account.PersonalWorkspaceId, "https://evil.example/steal"));

        var callback = await account.Client.GetAsync(await AuthorizeAsync(start.Headers.Location!));

        Assert.StartsWith($"/w/{account.PersonalWorkspaceId}/channels?connected=", callback.RedirectTarget());
    }

    [Fact]
    public async Task An_unknown_state_lands_on_the_channels_page_with_an_error()
    {
        using var account = await TestAccount.RegisterAsync(fixture);

        var callback = await account.Client.GetAsync("/api/v1/auth/reddit/callback?code=abc&state=made-up");

        Assert.Equal("/channels?connect_error=invalid_state", callback.RedirectTarget());
        var landing = await account.Client.GetAsync(callback.RedirectTarget());
        Assert.Equal($"/w/{account.PersonalWorkspaceId}/channels?connect_error=invalid_state", landing.RedirectTarget());
        var page = await account.Client.GetStringAsync(landing.RedirectTarget());
        Assert.Contains("not valid or has already been used", page);
    }

    [Theory]
    [InlineData(WorkspaceRole.Editor)]
    [InlineData(WorkspaceRole.Viewer)]
    public async Task Only_admins_can_start_a_connection(WorkspaceRole role)
    {
        using var owner = await TestAccount.RegisterAsync(fixture);
        using var member = await TestAccount.RegisterAsync(fixture);
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SosyabotDbContext>();
            var memberId = await db.Users.Where(u => u.Email == member.Email).Select(u => u.Id).SingleAsync();
            db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = owner.PersonalWorkspaceId, UserId = memberId, Role = role, JoinedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        var start = await member.Client.GetAsync(StartUrl(owner.PersonalWorkspaceId));

        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
    }

    [Fact]
    public async Task A_stranger_cannot_start_a_connection_for_another_workspace()
    {
        using var owner = await TestAccount.RegisterAsync(fixture);
        using var stranger = await TestAccount.RegisterAsync(fixture);

        var start = await stranger.Client.GetAsync(StartUrl(owner.PersonalWorkspaceId));

        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<SosyabotDbContext>().OAuthStates.AnyAsync(s => s.WorkspaceId == owner.PersonalWorkspaceId));
    }

    [Fact]
    public async Task Anonymous_visitors_cannot_start_or_complete_a_flow()
    {
        using var anonymous = fixture.CreateClient();

        var start = await anonymous.GetAsync(StartUrl(Guid.NewGuid()));
        var callback = await anonymous.GetAsync("/api/v1/auth/reddit/callback?code=a&state=b");

        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.StartsWith("/account/login", start.RedirectTarget());
        Assert.StartsWith("/account/login", callback.RedirectTarget());
    }

    [Fact]
    public async Task A_connection_that_cannot_start_explains_why_on_the_channels_page()
    {
        using var account = await TestAccount.RegisterAsync(fixture);

        var start = await account.Client.GetAsync(
            $"/api/v1/auth/mastodon/start?workspace={account.PersonalWorkspaceId}&instance={Uri.EscapeDataString("http://mastodon.example")}");

        var target = start.RedirectTarget();
        Assert.StartsWith($"/w/{account.PersonalWorkspaceId}/channels?connect_message=", target);
        Assert.DoesNotContain("https", Uri.UnescapeDataString(target));
        var page = await account.Client.GetStringAsync(target);
        Assert.Contains("must be reached over https", page);
    }

    [Fact]
    public async Task A_message_typed_into_the_address_is_not_shown()
    {
        using var account = await TestAccount.RegisterAsync(fixture);

        var page = await account.Client.GetStringAsync(
            $"/w/{account.PersonalWorkspaceId}/channels?connect_message={Uri.EscapeDataString("Your account is locked. Call +1 555 0100.")}");

        Assert.DoesNotContain("Your account is locked", page);
    }
}
