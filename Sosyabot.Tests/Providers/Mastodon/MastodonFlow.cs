using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Connections;
using Sosyabot.Core.Data;
using Sosyabot.Core.Providers.Mastodon;
using Sosyabot.Tests.Emulator.Mastodon;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.Mastodon;

// The browser's part of a connect, driven through the real services: start, visit the (emulated)
// authorize page without following the redirect, hand the callback's parameters back.
public sealed class MastodonFlow(EmulatedAppFixture fixture)
{
    public const string CallbackUri = "http://127.0.0.1/api/v1/auth/mastodon/callback";

    public MastodonServerEmulator Current => Emulator.Current;

    public MastodonServerEmulator Old => Emulator.Old;

    private MastodonEmulator Emulator => fixture.Emulator.Platform<MastodonEmulator>();

    public async Task<OAuthStart> StartAsync(TestUser user, string instance)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OAuthFlowService>()
            .StartAsync(user.Id, user.WorkspaceId, MastodonDefaults.Key, null, instance);
    }

    public static async Task<OAuthCallback> AuthorizeAsync(Uri authorizeUrl)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await browser.GetAsync(authorizeUrl);
        Assert.True((int)response.StatusCode is 302, $"authorize answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var location = response.Headers.Location!;
        var query = QueryHelpers.ParseQuery(location.Query);
        string? Get(string key) => query.TryGetValue(key, out var v) ? v.ToString() : null;
        return new OAuthCallback(Get("code"), Get("state"), Get("error"), null);
    }

    public async Task<OAuthCompletion> CompleteAsync(TestUser user, OAuthCallback callback, string? browserNonce)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OAuthFlowService>()
            .CompleteAsync(user.Id, MastodonDefaults.Key, callback, browserNonce);
    }

    public async Task<OAuthCompletion> ConnectAsync(TestUser user, string instance)
    {
        var start = await StartAsync(user, instance);
        var result = await CompleteAsync(user, await AuthorizeAsync(start.RedirectTo), start.BrowserNonce);
        Assert.True(result.Succeeded, await ErrorOfAsync(user, result));
        return result;
    }

    public async Task<string?> ErrorOfAsync(TestUser user, OAuthCompletion result)
    {
        if (result.FailedAttemptId is not { } attempt) return result.ErrorCode;
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OAuthFlowService>().ErrorOfAttemptAsync(user.Id, attempt);
    }

    public async Task<T> WithDbAsync<T>(Func<SosyabotDbContext, Task<T>> action)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<SosyabotDbContext>());
    }

    public Task<List<Channel>> ChannelsAsync(Guid workspaceId) =>
        WithDbAsync(db => db.Channels.AsNoTracking().Where(c => c.WorkspaceId == workspaceId).OrderBy(c => c.ConnectedAt).ToListAsync());

    public async Task<ChannelTokens?> TokensAsync(Channel channel)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ChannelSecrets>().ReadAsync(channel);
    }

    public int Count(string method, string prefixedPath) => fixture.Emulator.RequestsTo(method, prefixedPath).Count();
}
