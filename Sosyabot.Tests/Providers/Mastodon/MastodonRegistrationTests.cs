using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Sosyabot.Core;
using Sosyabot.Core.Providers.Mastodon;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.Mastodon;

// The app's own registration on each server: race safety, keeping it alive on old servers, recovery.
// Each test starts with no registration stored, as on a fresh install.
public class MastodonRegistrationTests(EmulatedAppFixture fixture) : IClassFixture<EmulatedAppFixture>, IAsyncLifetime
{
    private readonly MastodonFlow _flow = new(fixture);

    public Task InitializeAsync() => _flow.WithDbAsync(db => db.PlatformAppRegistrations.ExecuteDeleteAsync());

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task First_connects_racing_on_a_new_server_end_with_one_registration_that_all_use()
    {
        var users = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => TestUsers.CreateAsync(fixture.Factory.Services)));
        var registrations = _flow.Count("POST", "/mastodon-a/api/v1/apps");
        // Hold every registration at the server so all three connects miss the stored one.
        fixture.Emulator.Inject("POST", "/mastodon-a/api/v1/apps", Fault.Slow(TimeSpan.FromSeconds(1)), times: 3);

        var starts = await Task.WhenAll(users.Select(u => _flow.StartAsync(u, "mastodon.example")));

        Assert.Equal(registrations + 3, _flow.Count("POST", "/mastodon-a/api/v1/apps"));
        var stored = Assert.Single(await _flow.WithDbAsync(db => db.PlatformAppRegistrations.AsNoTracking().ToListAsync()));
        Assert.All(starts, s => Assert.Equal(stored.ClientId, QueryHelpers.ParseQuery(s.RedirectTo.Query)["client_id"]));
        for (var i = 0; i < users.Length; i++)
        {
            var result = await _flow.CompleteAsync(users[i], await MastodonFlow.AuthorizeAsync(starts[i].RedirectTo), starts[i].BrowserNonce);
            Assert.True(result.Succeeded, await _flow.ErrorOfAsync(users[i], result));
        }
    }

    [Fact]
    public async Task On_a_server_older_than_4_3_the_new_app_gets_a_token_so_it_is_not_vacuumed()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var before = _flow.Count("POST", "/mastodon-b/oauth/token");

        var start = await _flow.StartAsync(user, "old.mastodon.example");

        var clientId = QueryHelpers.ParseQuery(start.RedirectTo.Query)["client_id"].ToString();
        var keepAlive = Assert.Single(fixture.Emulator.RequestsTo("POST", "/mastodon-b/oauth/token").Skip(before));
        var form = QueryHelpers.ParseQuery(keepAlive.Body);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(clientId, form["client_id"]);
        Assert.Equal(MastodonDefaults.Scopes, form["scope"]);
        Assert.Equal(1, _flow.Old.AppTokenCount(clientId));
    }

    [Fact]
    public async Task On_a_current_server_no_app_token_is_requested()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var before = _flow.Count("POST", "/mastodon-a/oauth/token");

        var start = await _flow.StartAsync(user, "mastodon.example");

        Assert.Equal(before, _flow.Count("POST", "/mastodon-a/oauth/token"));
        Assert.Equal(0, _flow.Current.AppTokenCount(QueryHelpers.ParseQuery(start.RedirectTo.Query)["client_id"].ToString()));
    }

    [Fact]
    public async Task A_registration_whose_secret_cannot_be_read_is_replaced()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        await _flow.StartAsync(user, "mastodon.example");
        var broken = await _flow.WithDbAsync(db => db.PlatformAppRegistrations.AsNoTracking().SingleAsync());
        await _flow.WithDbAsync(db => db.PlatformAppRegistrations.ExecuteUpdateAsync(s => s.SetProperty(r => r.ClientSecretCipher, "not-a-ciphertext")));
        var registrations = _flow.Count("POST", "/mastodon-a/api/v1/apps");

        await _flow.ConnectAsync(user, "mastodon.example");

        Assert.Equal(registrations + 1, _flow.Count("POST", "/mastodon-a/api/v1/apps"));
        var replacement = await _flow.WithDbAsync(db => db.PlatformAppRegistrations.AsNoTracking().SingleAsync());
        Assert.NotEqual(broken.Id, replacement.Id);
        Assert.NotEqual(broken.ClientId, replacement.ClientId);
    }

    [Fact]
    public async Task A_registration_made_for_other_scopes_is_replaced()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        await _flow.StartAsync(user, "old.mastodon.example");
        await _flow.WithDbAsync(db => db.PlatformAppRegistrations.ExecuteUpdateAsync(s => s.SetProperty(r => r.Scopes, "read write")));
        var registrations = _flow.Count("POST", "/mastodon-b/api/v1/apps");

        var start = await _flow.StartAsync(user, "old.mastodon.example");

        Assert.Equal(registrations + 1, _flow.Count("POST", "/mastodon-b/api/v1/apps"));
        Assert.Equal(MastodonDefaults.Scopes, QueryHelpers.ParseQuery(start.RedirectTo.Query)["scope"]);
        Assert.Equal(MastodonDefaults.Scopes, (await _flow.WithDbAsync(db => db.PlatformAppRegistrations.AsNoTracking().SingleAsync())).Scopes);
    }

    [Fact]
    public async Task A_registration_the_server_no_longer_knows_is_dropped_and_the_next_connect_registers_again()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var start = await _flow.StartAsync(user, "mastodon.example");
        var answer = await MastodonFlow.AuthorizeAsync(start.RedirectTo);
        fixture.Emulator.Inject("POST", "/mastodon-a/oauth/token", new Fault(401,
            """{"error":"invalid_client","error_description":"Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method."}"""));

        var failed = await _flow.CompleteAsync(user, answer, start.BrowserNonce);

        Assert.False(failed.Succeeded);
        Assert.Contains("no longer knows this app's registration", await _flow.ErrorOfAsync(user, failed));
        Assert.False(await _flow.WithDbAsync(db => db.PlatformAppRegistrations.AnyAsync()));
        Assert.Empty(await _flow.ChannelsAsync(user.WorkspaceId));
        var registrations = _flow.Count("POST", "/mastodon-a/api/v1/apps");

        await _flow.ConnectAsync(user, "mastodon.example");

        Assert.Equal(registrations + 1, _flow.Count("POST", "/mastodon-a/api/v1/apps"));
        Assert.Single(await _flow.ChannelsAsync(user.WorkspaceId));
    }

    [Fact]
    public async Task A_server_without_the_apps_endpoint_is_not_mastodon()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        fixture.Emulator.Inject("POST", "/mastodon-b/api/v1/apps", new Fault(404, "<html>Not Found</html>", ContentType: "text/html"));

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => _flow.StartAsync(user, "old.mastodon.example"));

        Assert.Contains("old.mastodon.example does not look like a Mastodon server", error.Message);
        Assert.False(await _flow.WithDbAsync(db => db.PlatformAppRegistrations.AnyAsync()));
        Assert.False(await _flow.WithDbAsync(db => db.OAuthStates.AnyAsync(s => s.UserId == user.Id)));
    }

    [Fact]
    public async Task An_unreachable_server_fails_the_start_as_transient_and_registers_nothing()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        fixture.Emulator.Inject("GET", "/mastodon-a/.well-known/oauth-authorization-server", new Fault(502, "<html>Bad Gateway</html>", ContentType: "text/html"));

        var error = await Assert.ThrowsAsync<Sosyabot.Core.Providers.Http.ProviderException>(() => _flow.StartAsync(user, "mastodon.example"));

        Assert.Equal(Sosyabot.Core.Providers.Http.ProviderErrorKind.Transient, error.Kind);
        Assert.Contains("mastodon.example is having trouble", error.Message);
        Assert.False(await _flow.WithDbAsync(db => db.PlatformAppRegistrations.AnyAsync()));
    }

    [Theory]
    [InlineData("mastodon.example", "mastodon-a")]
    [InlineData("old.mastodon.example", "mastodon-b")]
    public async Task A_server_that_forgot_the_app_is_asked_first_and_the_app_registers_again_before_the_user_is_sent_there(string server, string prefix)
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        await _flow.ConnectAsync(user, server);
        var forgotten = await _flow.WithDbAsync(db => db.PlatformAppRegistrations.AsNoTracking().SingleAsync());
        var emulated = prefix == "mastodon-a" ? _flow.Current : _flow.Old;
        emulated.ForgetApp(forgotten.ClientId);
        var registrations = _flow.Count("POST", $"/{prefix}/api/v1/apps");

        var start = await _flow.StartAsync(user, server);

        Assert.Equal(registrations + 1, _flow.Count("POST", $"/{prefix}/api/v1/apps"));
        var replacement = await _flow.WithDbAsync(db => db.PlatformAppRegistrations.AsNoTracking().SingleAsync());
        Assert.NotEqual(forgotten.ClientId, replacement.ClientId);
        Assert.Equal(replacement.ClientId, QueryHelpers.ParseQuery(start.RedirectTo.Query)["client_id"]);
        // The authorize page now knows the client: a redirect back to us, not the server's error page.
        var answer = await MastodonFlow.AuthorizeAsync(start.RedirectTo);
        Assert.True((await _flow.CompleteAsync(user, answer, start.BrowserNonce)).Succeeded);
    }

    [Fact]
    public async Task A_registration_the_server_still_knows_is_checked_with_an_app_token_and_kept()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        await _flow.StartAsync(user, "mastodon.example");
        var registrations = _flow.Count("POST", "/mastodon-a/api/v1/apps");
        var checks = _flow.Count("GET", "/mastodon-a/api/v1/apps/verify_credentials");

        await _flow.StartAsync(user, "mastodon.example");

        Assert.Equal(registrations, _flow.Count("POST", "/mastodon-a/api/v1/apps"));
        Assert.Equal(checks + 1, _flow.Count("GET", "/mastodon-a/api/v1/apps/verify_credentials"));
        var check = fixture.Emulator.RequestsTo("POST", "/mastodon-a/oauth/token").Last();
        Assert.Equal("client_credentials", QueryHelpers.ParseQuery(check.Body)["grant_type"]);
    }

    [Fact]
    public async Task A_server_that_answers_the_check_with_an_error_keeps_the_registration_and_the_start_fails_with_the_reason()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        await _flow.StartAsync(user, "mastodon.example");
        var stored = await _flow.WithDbAsync(db => db.PlatformAppRegistrations.AsNoTracking().SingleAsync());
        var states = await _flow.WithDbAsync(db => db.OAuthStates.CountAsync(s => s.UserId == user.Id));
        fixture.Emulator.Inject("POST", "/mastodon-a/oauth/token", new Fault(503, "<html>Service Unavailable</html>", ContentType: "text/html"));

        var error = await Assert.ThrowsAsync<Sosyabot.Core.Providers.Http.ProviderException>(() => _flow.StartAsync(user, "mastodon.example"));

        Assert.Contains("mastodon.example", error.Message);
        Assert.Equal(stored.Id, (await _flow.WithDbAsync(db => db.PlatformAppRegistrations.AsNoTracking().SingleAsync())).Id);
        Assert.Equal(states, await _flow.WithDbAsync(db => db.OAuthStates.CountAsync(s => s.UserId == user.Id)));
    }
}
