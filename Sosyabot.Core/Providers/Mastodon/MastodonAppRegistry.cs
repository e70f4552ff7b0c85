using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sosyabot.Core.Data;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Secrets;

namespace Sosyabot.Core.Providers.Mastodon;

public sealed record MastodonAppCredentials(string ClientId, string ClientSecret, string Scopes);

// The OAuth client this app holds on each Mastodon server: registered once per (server, redirect
// URI) on first use, then shared by every workspace. The client secret is stored encrypted.
public sealed partial class MastodonAppRegistry(
    SosyabotDbContext db, MastodonClients clients, SecretProtector protector, IOptions<MastodonOptions> options,
    TimeProvider clock, ILogger<MastodonAppRegistry> logger)
{
    public async Task<MastodonAppCredentials> GetOrRegisterAsync(string instance, string redirectUri, bool keepAlive, CancellationToken ct)
    {
        var existing = await FindRowAsync(instance, redirectUri, ct);
        if (existing is not null)
        {
            // A registration made for other scopes (an older version of this app) would make the
            // server refuse the authorize request; an undecryptable secret (lost key ring) is useless.
            if (existing.Scopes != MastodonDefaults.Scopes || !TryRead(existing, out var credentials))
                LogReplacing(MastodonInstance.Authority(instance));
            else if (await IsKnownAsync(instance, credentials, ct))
                return credentials;
            else
                LogForgotten(MastodonInstance.Authority(instance));
            // Only this row: a racing connect may already have stored a newer registration.
            await db.PlatformAppRegistrations.Where(r => r.Id == existing.Id).ExecuteDeleteAsync(ct);
        }

        var app = await RegisterAsync(instance, redirectUri, ct);
        var id = Guid.CreateVersion7();
        var cipher = protector.Protect(SecretKind.PlatformAppSecret, id, app.ClientSecret!);
        // Two first connects to one server may race: the unique index keeps one registration and the
        // loser reads the winner's (its own app stays unused on the server). Raw SQL so a conflict is
        // not an exception that would poison the caller's change tracker or transaction.
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO platform_app_registrations (id, platform, issuer, redirect_uri, client_id, client_secret_cipher, scopes, created_at)
            VALUES ({id}, {MastodonDefaults.Key}, {instance}, {redirectUri}, {app.ClientId!}, {cipher}, {MastodonDefaults.Scopes}, {clock.GetUtcNow()})
            ON CONFLICT (platform, issuer, redirect_uri) DO NOTHING
            """, ct);
        if (inserted == 1)
        {
            LogRegistered(MastodonInstance.Authority(instance));
            if (keepAlive) await KeepAliveAsync(instance, app, ct);
            return new MastodonAppCredentials(app.ClientId!, app.ClientSecret!, MastodonDefaults.Scopes);
        }

        var winner = await FindRowAsync(instance, redirectUri, ct);
        return winner is not null && TryRead(winner, out var won)
            ? won
            : throw new ProviderException(ProviderErrorKind.Transient, "The app registration for this server changed during the connection. Try again.");
    }

    // For the code exchange: the registration the authorize request was made with, never a new one.
    public async Task<MastodonAppCredentials> GetAsync(string instance, string redirectUri, CancellationToken ct)
    {
        var row = await FindRowAsync(instance, redirectUri, ct);
        return row is not null && TryRead(row, out var credentials)
            ? credentials
            : throw new ProviderException(ProviderErrorKind.AppMisconfigured,
                $"The app registration on {MastodonInstance.Authority(instance)} is missing or unreadable. Start the connection again.");
    }

    // The server said it does not know the client (deleted by an admin, or vacuumed before 4.3):
    // drop it so the next connect registers again. Only that client's row, not a newer one.
    public Task ForgetAsync(string instance, string clientId, CancellationToken ct) =>
        db.PlatformAppRegistrations
            .Where(r => r.Platform == MastodonDefaults.Key && r.Issuer == instance && r.ClientId == clientId)
            .ExecuteDeleteAsync(ct);

    private Task<PlatformAppRegistration?> FindRowAsync(string instance, string redirectUri, CancellationToken ct) =>
        db.PlatformAppRegistrations.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Platform == MastodonDefaults.Key && r.Issuer == instance && r.RedirectUri == redirectUri, ct);

    private bool TryRead(PlatformAppRegistration row, out MastodonAppCredentials credentials)
    {
        var ok = protector.TryUnprotect(SecretKind.PlatformAppSecret, row.Id, row.ClientSecretCipher, out var secret);
        credentials = new MastodonAppCredentials(row.ClientId, secret, row.Scopes);
        return ok;
    }

    // A server that was reset, or whose admin removed our app, shows the user its own "unknown client"
    // page at /oauth/authorize with no way back, so ask first: an app token, then that token's app.
    // invalid_client from the token endpoint or 401 from verify_credentials means the app is gone;
    // anything else (unreachable, refused) propagates and is shown on the channels page.
    // https://docs.joinmastodon.org/methods/oauth/#token , https://docs.joinmastodon.org/methods/apps/#verify_credentials
    private async Task<bool> IsKnownAsync(string instance, MastodonAppCredentials app, CancellationToken ct)
    {
        var client = clients.For(instance);
        string? token;
        try
        {
            token = (await client.SendForJsonAsync(AppTokenRequest(instance, app.ClientId, app.ClientSecret), ct))
                .Deserialize<MastodonToken>(MastodonJson.Options)?.AccessToken;
        }
        catch (ProviderException e) when (e.Kind == ProviderErrorKind.AppMisconfigured)
        {
            return false;
        }
        if (string.IsNullOrEmpty(token))
            throw new ProviderException(ProviderErrorKind.Transient, $"{MastodonInstance.Authority(instance)} did not return an app token to check this app's registration. Try again.");

        var verify = new HttpRequestMessage(HttpMethod.Get, instance + MastodonDefaults.AppVerifyCredentialsPath);
        verify.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        try
        {
            await client.SendForJsonAsync(verify, ct);
            return true;
        }
        catch (ProviderException e) when (e.Kind == ProviderErrorKind.Auth)
        {
            return false;
        }
    }

    // https://docs.joinmastodon.org/methods/apps/#create
    private async Task<MastodonApp> RegisterAsync(string instance, string redirectUri, CancellationToken ct)
    {
        var form = new Dictionary<string, string>
        {
            ["client_name"] = options.Value.ClientName,
            ["redirect_uris"] = redirectUri,
            ["scopes"] = MastodonDefaults.Scopes,
        };
        if (!string.IsNullOrWhiteSpace(options.Value.Website)) form["website"] = options.Value.Website;

        JsonElement json;
        try
        {
            json = await clients.For(instance).SendForJsonAsync(
                new HttpRequestMessage(HttpMethod.Post, instance + MastodonDefaults.AppsPath) { Content = new FormUrlEncodedContent(form) }, ct);
        }
        catch (ProviderException e) when (e.StatusCode is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.MethodNotAllowed or (int)HttpStatusCode.Gone)
        {
            throw new InvalidRequestException($"{MastodonInstance.Authority(instance)} does not look like a Mastodon server. Check the address.");
        }

        var app = json.Deserialize<MastodonApp>(MastodonJson.Options);
        if (string.IsNullOrEmpty(app?.ClientId) || string.IsNullOrEmpty(app.ClientSecret))
            throw new ProviderException(ProviderErrorKind.Rejected, $"{MastodonInstance.Authority(instance)} did not return app credentials. Is it a Mastodon server?");
        return app;
    }

    // Before 4.3, Mastodon deletes apps older than a day that hold no token (Vacuum::ApplicationsVacuum);
    // a client-credentials token keeps ours, as the API docs advise. https://docs.joinmastodon.org/methods/apps/#create
    private async Task KeepAliveAsync(string instance, MastodonApp app, CancellationToken ct)
    {
        try
        {
            await clients.For(instance).SendAsync(AppTokenRequest(instance, app.ClientId!, app.ClientSecret!), ct);
        }
        catch (ProviderException e)
        {
            LogKeepAliveFailed(MastodonInstance.Authority(instance), e.Message);
        }
    }

    private static HttpRequestMessage AppTokenRequest(string instance, string clientId, string clientSecret) =>
        new(HttpMethod.Post, instance + MastodonDefaults.TokenPath)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = clientId,
                ["client_secret"] = clientSecret,
                ["scope"] = MastodonDefaults.Scopes,
            }),
        };

    [LoggerMessage(LogLevel.Information, "Registered the Mastodon app on {Server}")]
    private partial void LogRegistered(string server);

    [LoggerMessage(LogLevel.Warning, "The Mastodon app registration stored for {Server} is outdated or unreadable; registering again")]
    private partial void LogReplacing(string server);

    [LoggerMessage(LogLevel.Warning, "{Server} no longer knows the Mastodon app registered there; registering again")]
    private partial void LogForgotten(string server);

    [LoggerMessage(LogLevel.Warning, "Could not get an app token from {Server} to keep the registration alive: {Reason}")]
    private partial void LogKeepAliveFailed(string server, string reason);
}
