using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Connections;
using Sosyabot.Core.Data;
using Sosyabot.Core.Webhooks;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers;

// Drives a connect the way the browser and the OAuth endpoints do, through the services: start, follow
// the authorize URL to the emulator's answer without following its redirect, then hand code and state
// to the callback logic with the browser's nonce.
public sealed class OAuthConnectDriver(EmulatedAppFixture fixture)
{
    public ProviderEmulator Emulator => fixture.Emulator;

    public async Task<OAuthStart> StartAsync(TestUser user, string platform, string? instance = null)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OAuthFlowService>().StartAsync(user.Id, user.WorkspaceId, platform, null, instance);
    }

    // The browser visiting the authorize URL: the emulator answers 302 to the registered callback.
    public static async Task<OAuthCallback> AuthorizeAsync(OAuthStart start, string expectedCallback)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await http.GetAsync(start.RedirectTo);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith(expectedCallback + "?", location);
        var query = QueryHelpers.ParseQuery(new Uri(location).Query);
        string? Value(string key) => query.TryGetValue(key, out var v) ? v.ToString() : null;
        return new OAuthCallback(Value("code"), Value("state"), Value("error"), Value("iss"));
    }

    public async Task<OAuthCompletion> CompleteAsync(TestUser user, string platform, OAuthCallback callback, string? browserNonce)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OAuthFlowService>().CompleteAsync(user.Id, platform, callback, browserNonce);
    }

    public async Task<OAuthCompletion> ConnectAsync(TestUser user, string platform)
    {
        var start = await StartAsync(user, platform);
        var callback = await AuthorizeAsync(start, CallbackUri(platform));
        return await CompleteAsync(user, platform, callback, start.BrowserNonce);
    }

    public static string CallbackUri(string platform) => $"http://127.0.0.1/api/v1/auth/{platform}/callback";

    public async Task<string?> ErrorOfAttemptAsync(TestUser user, Guid attemptId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OAuthFlowService>().ErrorOfAttemptAsync(user.Id, attemptId);
    }

    public async Task<RefreshOutcome> RefreshAsync(TestUser user, Guid channelId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ChannelRefreshService>().RefreshNowAsync(user.Id, user.WorkspaceId, channelId);
    }

    public async Task<List<Channel>> ChannelsAsync(TestUser user)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SosyabotDbContext>().Channels.AsNoTracking()
            .Where(c => c.WorkspaceId == user.WorkspaceId).ToListAsync();
    }

    public async Task<Channel> ChannelAsync(Guid channelId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SosyabotDbContext>().Channels.AsNoTracking().SingleAsync(c => c.Id == channelId);
    }

    // Decrypted through the app's own service, the way a publisher will read them.
    public async Task<ChannelTokens> TokensAsync(Guid channelId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var channel = await scope.ServiceProvider.GetRequiredService<SosyabotDbContext>().Channels.AsNoTracking().SingleAsync(c => c.Id == channelId);
        return (await scope.ServiceProvider.GetRequiredService<ChannelSecrets>().ReadAsync(channel))!;
    }

    public async Task<List<WebhookEvent>> EventsAsync(TestUser user, string type)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SosyabotDbContext>().WebhookEvents.AsNoTracking()
            .Where(e => e.WorkspaceId == user.WorkspaceId && e.Type == type).ToListAsync();
    }

    public async Task ExecuteSqlAsync(FormattableString sql)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SosyabotDbContext>().Database.ExecuteSqlAsync(sql);
    }

    // The requests the emulator saw after a mark, so a test reads only its own traffic (the tests of
    // one class run one after another against one emulator).
    public int Mark() => Emulator.Requests.Count;

    public List<RecordedRequest> RequestsSince(int mark, string method, string path) =>
        Emulator.Requests.Skip(mark).Where(r => r.Method == method && r.Path == path).ToList();

    public static Dictionary<string, string> Form(RecordedRequest request) =>
        QueryHelpers.ParseQuery(request.Body).ToDictionary(p => p.Key, p => p.Value.ToString());

    public static Dictionary<string, string> Query(RecordedRequest request) =>
        QueryHelpers.ParseQuery(request.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
}
