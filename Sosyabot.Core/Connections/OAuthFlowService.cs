using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Data;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Secrets;
using Sosyabot.Core.Workspaces;

namespace Sosyabot.Core.Connections;

// The OAuth 2.0 authorization-code flow for every platform (RFC 9700 client rules): a random
// single-use state stored server-side and bound to the browser and user, PKCE S256 where the
// platform takes it, an exact redirect URI from configuration, nothing saved until the end.
public sealed partial class OAuthFlowService(
    SosyabotDbContext db, WorkspaceAccess access, ProviderRegistry providers, ChannelConnector connector,
    SecretProtector protector, HostOverrides hostOverrides, IOptions<AppOptions> app, TimeProvider clock,
    ILogger<OAuthFlowService> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public async Task<OAuthStart> StartAsync(Guid userId, Guid workspaceId, string platform, string? returnTo, string? instance, CancellationToken ct = default)
    {
        await access.RequireAsync(userId, workspaceId, WorkspaceRole.Admin, ct);
        var provider = providers.Find<IOAuthProvider>(platform)
            ?? throw new InvalidRequestException($"Connecting {PlatformCatalog.Find(platform)?.DisplayName ?? platform} with OAuth is not available.");
        if (provider.MissingSettings.Count > 0)
            throw new InvalidRequestException($"{provider.Info.DisplayName} is not configured. An administrator must set {string.Join(", ", provider.MissingSettings)}.");
        if (provider.RequiresInstance && string.IsNullOrWhiteSpace(instance))
            throw new InvalidRequestException($"Enter the address of your {provider.Info.DisplayName} server.");

        var state = OAuthSecrets.NewRandom();
        var verifier = OAuthSecrets.NewRandom();
        var nonce = OAuthSecrets.NewRandom();
        var redirectUri = app.Value.CallbackUri(platform);
        var authorization = await provider.CreateAuthorizationAsync(
            new OAuthAuthorizationRequest(state, redirectUri, OAuthSecrets.CodeChallenge(verifier), instance?.Trim()), ct);

        var now = clock.GetUtcNow();
        var row = new OAuthState
        {
            StateHash = OAuthSecrets.Hash(state),
            BrowserBindingHash = OAuthSecrets.Hash(nonce),
            UserId = userId,
            WorkspaceId = workspaceId,
            Platform = platform,
            RedirectUri = redirectUri,
            ReturnTo = LocalUrl.Or(returnTo, $"/w/{workspaceId}/channels"),
            Issuer = authorization.Issuer,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        if (authorization.UsesPkce)
            row.CodeVerifierCipher = protector.Protect(SecretKind.OAuthCodeVerifier, row.Id, verifier);
        db.OAuthStates.Add(row);
        await db.SaveChangesAsync(ct);
        return new OAuthStart(hostOverrides.Rewrite(authorization.AuthorizeUrl), state, nonce, row.ExpiresAt);
    }

    public async Task<OAuthCompletion> CompleteAsync(Guid userId, string platform, OAuthCallback callback, string? browserNonce, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(callback.State)) return Invalid();
        var now = clock.GetUtcNow();
        // Single use (RFC 9700 §4.2.4): only the first callback with this state gets the row.
        var row = (await db.OAuthStates
            .FromSql($"UPDATE oauth_states SET consumed_at = {now} WHERE state_hash = {OAuthSecrets.Hash(callback.State)} AND consumed_at IS NULL RETURNING *")
            .AsNoTracking().ToListAsync(ct)).SingleOrDefault();
        if (row is null)
        {
            var used = await db.OAuthStates.AsNoTracking().SingleOrDefaultAsync(s => s.StateHash == OAuthSecrets.Hash(callback.State), ct);
            return used is not null && used.UserId == userId
                ? await FailAsync(used, "This connection link was already used. Start again from Connect.", ct, keepError: used.Error is null)
                : Invalid();
        }

        var name = PlatformCatalog.Find(platform)?.DisplayName ?? platform;
        if (row.Platform != platform || row.UserId != userId) return Invalid();
        if (browserNonce is null || OAuthSecrets.Hash(browserNonce) != row.BrowserBindingHash)
            return await FailAsync(row, "The connection was started in another browser or session. Start again here.", ct);
        if (row.ExpiresAt <= now)
            return await FailAsync(row, "The connection took longer than 10 minutes and expired. Start again from Connect.", ct);
        if (callback.Error is not null)
            return await FailAsync(row, callback.Error == "access_denied"
                ? $"You did not allow access on {name}, so nothing was connected."
                : $"{name} did not complete the connection ({callback.Error}). Nothing was saved.", ct);
        // Compared as URLs: RFC 8414 metadata may name the issuer "https://host/" for our "https://host".
        if (callback.Issuer is not null && row.Issuer is not null && callback.Issuer.TrimEnd('/') != row.Issuer.TrimEnd('/'))
            return await FailAsync(row, "The answer came from a different server than the one the connection started with.", ct);
        if (string.IsNullOrEmpty(callback.Code))
            return await FailAsync(row, $"{name} did not send an authorization code. Start again from Connect.", ct);

        var provider = providers.Find<IOAuthProvider>(platform)!;
        try
        {
            var verifier = row.CodeVerifierCipher is null ? null
                : protector.TryUnprotect(SecretKind.OAuthCodeVerifier, row.Id, row.CodeVerifierCipher, out var v) ? v
                : throw new ProviderException(ProviderErrorKind.AppMisconfigured, "The stored connection data could not be read.");
            var tokens = await provider.ExchangeCodeAsync(new OAuthCodeExchange(callback.Code, row.RedirectUri, verifier, row.Issuer), ct);
            var account = await provider.GetAccountAsync(tokens, row.Issuer, ct);
            var channel = await connector.ConnectAsync(row.WorkspaceId, userId, platform, LoginType.OAuth, account, ct);
            await db.OAuthStates.Where(s => s.Id == row.Id).ExecuteDeleteAsync(ct);
            return new OAuthCompletion(row.WorkspaceId, row.ReturnTo, channel.Id, null, null);
        }
        catch (ProviderException e)
        {
            LogExchangeFailed(platform, e.Kind, e.Message);
            return await FailAsync(row, $"{name} did not complete the connection: {e.Message}", ct);
        }
        catch (InvalidRequestException e)
        {
            return await FailAsync(row, e.Message, ct);
        }
    }

    public async Task<string?> ErrorOfAttemptAsync(Guid userId, Guid attemptId, CancellationToken ct = default) =>
        await db.OAuthStates.Where(s => s.Id == attemptId && s.UserId == userId).Select(s => s.Error).SingleOrDefaultAsync(ct);

    private async Task<OAuthCompletion> FailAsync(OAuthState row, string message, CancellationToken ct, bool keepError = true)
    {
        if (keepError)
            await db.OAuthStates.Where(s => s.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Error, message), ct);
        return new OAuthCompletion(row.WorkspaceId, row.ReturnTo, null, row.Id, null);
    }

    private static OAuthCompletion Invalid() => new(null, "/", null, null, ConnectError.InvalidState);

    [LoggerMessage(LogLevel.Warning, "OAuth code exchange for {Platform} failed ({Kind}): {Reason}")]
    private partial void LogExchangeFailed(string platform, ProviderErrorKind kind, string reason);
}
