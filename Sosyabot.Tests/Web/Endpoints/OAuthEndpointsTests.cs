using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Data;
using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.Reddit;
using Sosyabot.Tests.TestSupport;
using Sosyabot.Web.Infrastructure;

namespace Sosyabot.Tests.Web.Endpoints;

// The OAuth start and callback endpoints as a browser uses them, against the Reddit emulator.
public class OAuthEndpointsTests(EmulatedAppFixture fixture) : IClassFixture<EmulatedAppFixture>
{
    private static string StartUrl(Guid workspace, string ticket, string returnTo = "/w/x/channels", string platform = "reddit") =>
        $"/api/v1/auth/{platform}/start?workspace={workspace}&returnTo={Uri.EscapeDataString(returnTo)}&ticket={Uri.EscapeDataString(ticket)}";

    // What the Channels page mints in the user's circuit when Connect is clicked.
    private async Task<string> TicketAsync(TestAccount account, Guid? workspace = null, string platform = "reddit", string? instance = null, TimeProvider? clock = null)
    {
        var tickets = clock is null
            ? fixture.Factory.Services.GetRequiredService<ConnectStartTickets>()
            : new ConnectStartTickets(fixture.Factory.Services.GetRequiredService<IDataProtectionProvider>(), clock);
        return tickets.Issue(await UserIdAsync(account), workspace ?? account.PersonalWorkspaceId, platform, instance);
    }

    private async Task<string> StartUrlAsync(TestAccount account, string returnTo = "/w/x/channels") =>
        StartUrl(account.PersonalWorkspaceId, await TicketAsync(account), returnTo);

    private async Task<Guid> UserIdAsync(TestAccount account)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SosyabotDbContext>().Users.Where(u => u.Email == account.Email).Select(u => u.Id).SingleAsync();
    }

    private async Task<bool> AnyStateAsync(Guid workspaceId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SosyabotDbContext>().OAuthStates.AnyAsync(s => s.WorkspaceId == workspaceId);
    }

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

        var start = await account.Client.GetAsync(await StartUrlAsync(account));

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
        var start = await account.Client.GetAsync(await StartUrlAsync(account, returnTo));

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
        var start = await account.Client.GetAsync(await StartUrlAsync(account));
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
        var start = await account.Client.GetAsync(await StartUrlAsync(account, "https://evil.example/steal"));

        var callback = await account.Client.GetAsync(await AuthorizeAsync(start.Headers.Location!));

        Assert.StartsWith($"/w/{account.PersonalWorkspaceId}/channels?connected=", callback.RedirectTarget());
    }

    [Theory]
    [MemberData(nameof(RedirectPayloads.All), MemberType = typeof(RedirectPayloads))]
    public async Task A_return_address_that_would_leave_the_site_ends_on_the_channels_page(string returnTo)
    {
        using var account = await TestAccount.RegisterAsync(fixture);
        SignInRedditAccount();
        var start = await account.Client.GetAsync(await StartUrlAsync(account, returnTo));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);

        var callback = await account.Client.GetAsync(await AuthorizeAsync(start.Headers.Location!));

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.StartsWith($"/w/{account.PersonalWorkspaceId}/channels?connected=", callback.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_start_without_a_ticket_from_the_channels_page_saves_nothing_and_says_so()
    {
        using var account = await TestAccount.RegisterAsync(fixture);

        var start = await account.Client.GetAsync(
            $"/api/v1/auth/reddit/start?workspace={account.PersonalWorkspaceId}&returnTo=%2F");

        await AssertRefusedAsync(account, start);
        var page = await account.Client.GetStringAsync(start.RedirectTarget());
        Assert.Contains("This connect was not started from Sosyabot", page);
    }

    [Fact]
    public async Task A_ticket_minted_for_someone_else_or_something_else_is_refused()
    {
        using var account = await TestAccount.RegisterAsync(fixture);
        using var other = await TestAccount.RegisterAsync(fixture);
        var ws = account.PersonalWorkspaceId;
        var ticketsNotForThis = new[]
        {
            StartUrl(ws, await TicketAsync(other, ws)),
            StartUrl(ws, await TicketAsync(account, other.PersonalWorkspaceId)),
            StartUrl(ws, await TicketAsync(account, platform: "mastodon")),
            StartUrl(ws, await TicketAsync(account, instance: "https://mastodon.example")),
            StartUrl(ws, await TicketAsync(account, clock: new FixedTimeProvider(DateTimeOffset.UtcNow - ConnectStartTickets.Lifetime - TimeSpan.FromSeconds(5)))),
            StartUrl(ws, "not-a-ticket"),
        };

        foreach (var url in ticketsNotForThis)
            await AssertRefusedAsync(account, await account.Client.GetAsync(url));
    }

    [Theory]
    [InlineData("cross-site")]
    [InlineData("same-site")]
    public async Task A_start_the_browser_marks_as_coming_from_another_site_is_refused_even_with_a_ticket(string fetchSite)
    {
        using var account = await TestAccount.RegisterAsync(fixture);
        using var request = new HttpRequestMessage(HttpMethod.Get, await StartUrlAsync(account));
        request.Headers.Add("Sec-Fetch-Site", fetchSite);

        await AssertRefusedAsync(account, await account.Client.SendAsync(request));
    }

    [Fact]
    public async Task A_start_from_the_apps_own_page_passes_the_fetch_site_check()
    {
        using var account = await TestAccount.RegisterAsync(fixture);
        using var request = new HttpRequestMessage(HttpMethod.Get, await StartUrlAsync(account));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        var start = await account.Client.SendAsync(request);

        Assert.StartsWith(fixture.Emulator.Url("reddit-www/api/v1/authorize"), start.Headers.Location!.AbsoluteUri);
    }

    private async Task AssertRefusedAsync(TestAccount account, HttpResponseMessage start)
    {
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.StartsWith($"/w/{account.PersonalWorkspaceId}/channels?connect_message=", start.RedirectTarget());
        Assert.False(start.Headers.Contains("Set-Cookie"));
        Assert.False(await AnyStateAsync(account.PersonalWorkspaceId));
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

        var start = await member.Client.GetAsync(StartUrl(owner.PersonalWorkspaceId, await TicketAsync(member, owner.PersonalWorkspaceId)));

        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
    }

    [Fact]
    public async Task A_stranger_cannot_start_a_connection_for_another_workspace()
    {
        using var owner = await TestAccount.RegisterAsync(fixture);
        using var stranger = await TestAccount.RegisterAsync(fixture);

        var start = await stranger.Client.GetAsync(StartUrl(owner.PersonalWorkspaceId, await TicketAsync(stranger, owner.PersonalWorkspaceId)));

        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        Assert.False(await AnyStateAsync(owner.PersonalWorkspaceId));
    }

    [Fact]
    public async Task Anonymous_visitors_cannot_start_or_complete_a_flow()
    {
        using var anonymous = fixture.CreateClient();

        var start = await anonymous.GetAsync(StartUrl(Guid.NewGuid(), "none"));
        var callback = await anonymous.GetAsync("/api/v1/auth/reddit/callback?code=a&state=b");

        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.StartsWith("/account/login", start.RedirectTarget());
        Assert.StartsWith("/account/login", callback.RedirectTarget());
    }

    [Fact]
    public async Task A_connection_that_cannot_start_explains_why_on_the_channels_page()
    {
        using var account = await TestAccount.RegisterAsync(fixture);

        const string server = "http://mastodon.example";
        var ticket = await TicketAsync(account, platform: "mastodon", instance: server);
        var start = await account.Client.GetAsync(
            StartUrl(account.PersonalWorkspaceId, ticket, "/", "mastodon") + $"&instance={Uri.EscapeDataString(server)}");

        var target = start.RedirectTarget();
        Assert.StartsWith($"/w/{account.PersonalWorkspaceId}/channels?connect_message=", target);
        Assert.DoesNotContain("https", Uri.UnescapeDataString(target));
        var page = await account.Client.GetStringAsync(target);
        Assert.Contains("must be reached over https", page);
    }

    [Fact]
    public async Task A_mastodon_server_that_cannot_confirm_the_stored_app_leaves_the_user_on_the_channels_page_with_the_reason()
    {
        using var account = await TestAccount.RegisterAsync(fixture);
        const string server = "mastodon.example";
        async Task<HttpResponseMessage> StartAsync() => await account.Client.GetAsync(
            StartUrl(account.PersonalWorkspaceId, await TicketAsync(account, platform: "mastodon", instance: server), "/", "mastodon") + $"&instance={server}");
        Assert.StartsWith(fixture.Emulator.Url("mastodon-a/oauth/authorize"), (await StartAsync()).Headers.Location!.AbsoluteUri);
        fixture.Emulator.Inject("POST", "/mastodon-a/oauth/token", new Fault(503, "<html>Service Unavailable</html>", ContentType: "text/html"));

        var start = await StartAsync();

        Assert.StartsWith($"/w/{account.PersonalWorkspaceId}/channels?connect_message=", start.RedirectTarget());
        Assert.Contains("mastodon.example is having trouble", await account.Client.GetStringAsync(start.RedirectTarget()));
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
