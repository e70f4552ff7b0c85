using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Sosyabot.Tests.Emulator.Bluesky;

// One PDS: createSession (handle/email + password), rotating refreshSession and getProfile, with the
// XRPC error bodies and statuses of bluesky-social/atproto packages/pds (auth-verifier.ts,
// api/com/atproto/server/{createSession,refreshSession}.ts). Unlike the real PDS there is no grace
// period for a rotated refresh token: it dies at once, the strictest reading.
// repoHost: where the accounts' repos live when host is an entryway (bsky.social's accounts sit on
// *.host.bsky.network, named in their DID documents).
public sealed partial class BlueskyPds(string host, string prefix, string? repoHost = null)
{
    private readonly BlueskyJwts _jwts = new($"did:web:{host}");
    private readonly ConcurrentDictionary<string, BlueskyAccount> _accounts = new();
    private readonly ConcurrentDictionary<string, string> _liveRefreshIds = new();
    private readonly ConcurrentQueue<BlueskyIssuedSession> _issued = new();
    private volatile RefreshGate? _refreshGate;
    private DateTimeOffset? _loginsLimitedUntil;

    public string Host => host;
    public string Prefix => prefix;
    public string RepoHost => repoHost ?? host;

    public IReadOnlyList<BlueskyIssuedSession> Issued => _issued.ToList();

    public BlueskyAccount CreateAccount(string? handle = null, string? displayName = null, bool withAvatar = true, TimeSpan? accessLifetime = null)
    {
        var did = "did:plc:" + RandomBase32(24);
        handle ??= $"user{RandomBase32(6)}.{host}";
        var account = new BlueskyAccount(did, handle, $"{handle}@mail.example", "main-" + RandomBase32(12), NewAppPassword())
        {
            DisplayName = displayName,
            Avatar = withAvatar ? $"https://cdn.bsky.app/img/avatar/plain/{did}/bafkreig{RandomBase32(20)}@jpeg" : null,
            AccessLifetime = accessLifetime ?? TimeSpan.FromHours(2),
        };
        _accounts[did] = account;
        return account;
    }

    // Deleting the app password in Bluesky ends every session made with it.
    public void RevokeSessions(BlueskyAccount account)
    {
        foreach (var (id, did) in _liveRefreshIds)
            if (did == account.Did) _liveRefreshIds.TryRemove(id, out _);
    }

    public BlueskyIssuedSession LastSessionOf(BlueskyAccount account) => _issued.Last(s => s.Did == account.Did);

    public bool IsLiveRefreshToken(string refreshJwt) =>
        _jwts.Verify(refreshJwt) is { } claims && claims.TryGetProperty("jti", out var jti) && _liveRefreshIds.ContainsKey(jti.GetString()!);

    // createSession answers 429 until then (its real limits: 30 per 5 minutes, 300 per day per account).
    public void LimitLoginsUntil(DateTimeOffset until) => _loginsLimitedUntil = until;

    // Holds refreshSession requests until released, to line up concurrent refreshes in a test.
    public RefreshGate HoldRefreshes() => _refreshGate = new RefreshGate();

    public void StopHoldingRefreshes()
    {
        _refreshGate?.Released.TrySetResult();
        _refreshGate = null;
    }

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost($"{prefix}/xrpc/com.atproto.server.createSession", Handle(CreateSessionAsync));
        routes.MapPost($"{prefix}/xrpc/com.atproto.server.refreshSession", Handle(RefreshSessionAsync));
        routes.MapGet($"{prefix}/xrpc/app.bsky.actor.getProfile", Handle(c => Task.FromResult(GetProfile(c))));
        MapRecords(routes);
        MapServiceAuth(routes);
    }

    // Explicit, so a handler's IResult is never dropped by binding to the RequestDelegate overload.
    private static RequestDelegate Handle(Func<HttpContext, Task<IResult>> handler) =>
        async context => await (await handler(context)).ExecuteAsync(context);

    private async Task<IResult> CreateSessionAsync(HttpContext context)
    {
        if (_loginsLimitedUntil is { } until && until > DateTimeOffset.UtcNow)
        {
            context.Response.Headers["ratelimit-limit"] = "30";
            context.Response.Headers["ratelimit-remaining"] = "0";
            context.Response.Headers["ratelimit-reset"] = until.ToUnixTimeSeconds().ToString();
            context.Response.Headers["ratelimit-policy"] = "30;w=300";
            return Error(429, "RateLimitExceeded", "Rate Limit Exceeded");
        }
        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
        }
        catch (JsonException)
        {
            return Error(400, "InvalidRequest", "Request body is not valid JSON");
        }
        if (body.ValueKind != JsonValueKind.Object) return Error(400, "InvalidRequest", "Input must be an object");
        if (!body.TryGetProperty("identifier", out var identifier) || identifier.ValueKind != JsonValueKind.String)
            return Error(400, "InvalidRequest", "Input must have the property \"identifier\"");
        if (!body.TryGetProperty("password", out var password) || password.ValueKind != JsonValueKind.String)
            return Error(400, "InvalidRequest", "Input must have the property \"password\"");

        var id = identifier.GetString()!.ToLowerInvariant();
        var account = _accounts.Values.FirstOrDefault(a => a.Did == id || a.Handle == id || a.Email == id);
        var secret = password.GetString()!;
        if (account is null || (secret != account.MainPassword && !account.AppPasswords.Contains(secret)))
            return Error(401, "AuthenticationRequired", "Invalid identifier or password");
        if (secret == account.MainPassword && account.EmailAuthFactor)
            return Error(401, "AuthFactorTokenRequired", "A sign in code has been sent to your email address");
        if (account.TakenDown) return Error(401, "AccountTakedown", "Account has been taken down");

        var session = Issue(account);
        return Results.Json(new
        {
            did = account.Did,
            handle = account.Handle,
            email = account.Email,
            emailConfirmed = true,
            emailAuthFactor = account.EmailAuthFactor,
            accessJwt = session.AccessJwt,
            refreshJwt = session.RefreshJwt,
            active = true,
        });
    }

    private async Task<IResult> RefreshSessionAsync(HttpContext context)
    {
        if (_refreshGate is { } gate)
        {
            gate.Arrived.TrySetResult();
            await gate.Released.Task.WaitAsync(context.RequestAborted);
        }
        if (Bearer(context) is not { } token) return Error(401, "AuthMissing", "Authentication Required");
        if (_jwts.Verify(token) is not { } claims) return Error(400, "InvalidToken", "Token could not be verified");
        if (claims.GetProperty("exp").GetInt64() <= DateTimeOffset.UtcNow.ToUnixTimeSeconds()) return Error(400, "ExpiredToken", "Token has expired");
        if (claims.GetProperty("scope").GetString() != BlueskyJwts.RefreshScope) return Error(400, "InvalidToken", "Bad token scope");
        // Rotation: the refresh token presented is spent whatever happens next.
        if (!_liveRefreshIds.TryRemove(claims.GetProperty("jti").GetString()!, out var did)) return Error(400, "ExpiredToken", "Token has been revoked");
        if (!_accounts.TryGetValue(did, out var account)) return Error(400, "InvalidRequest", $"Could not find user info for account: {did}");
        if (account.TakenDown) return Error(401, "AccountTakedown", "Account has been taken down");

        var session = Issue(account);
        return Results.Json(new { accessJwt = session.AccessJwt, refreshJwt = session.RefreshJwt, handle = account.Handle, did = account.Did, active = true });
    }

    private IResult GetProfile(HttpContext context)
    {
        if (AccessDid(context, out _) is { } refused) return refused;
        var actor = context.Request.Query["actor"].ToString();
        if (actor.Length == 0) return Error(400, "InvalidRequest", "Params must have the property \"actor\"");
        var account = _accounts.Values.FirstOrDefault(a => a.Did == actor || a.Handle == actor);
        if (account is null) return Error(400, "InvalidRequest", "Profile not found");
        return Results.Json(new
        {
            did = account.Did,
            handle = account.Handle,
            displayName = account.DisplayName,
            avatar = account.Avatar,
            description = "",
            followersCount = 12,
            followsCount = 3,
            postsCount = 40,
        }, options: new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
    }

    private BlueskyIssuedSession Issue(BlueskyAccount account)
    {
        var now = DateTimeOffset.UtcNow;
        var jti = RandomBase32(32);
        var accessExpires = now + account.AccessLifetime;
        var refreshExpires = now + TimeSpan.FromDays(90);
        var session = new BlueskyIssuedSession(
            account.Did,
            _jwts.Issue("at+jwt", BlueskyJwts.AccessScope, account.Did, now, accessExpires),
            _jwts.Issue("refresh+jwt", BlueskyJwts.RefreshScope, account.Did, now, refreshExpires, jti),
            DateTimeOffset.FromUnixTimeSeconds(accessExpires.ToUnixTimeSeconds()),
            DateTimeOffset.FromUnixTimeSeconds(refreshExpires.ToUnixTimeSeconds()));
        _liveRefreshIds[jti] = account.Did;
        _issued.Enqueue(session);
        return session;
    }

    private static string? Bearer(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && header.Length > 7 ? header[7..] : null;
    }

    private static IResult Error(int status, string error, string message) => Results.Json(new { error, message }, statusCode: status);

    private static string NewAppPassword() => string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomBase32(4)));

    private static string RandomBase32(int length) =>
        new(Enumerable.Range(0, length).Select(_ => "abcdefghijklmnopqrstuvwxyz234567"[RandomNumberGenerator.GetInt32(32)]).ToArray());
}

public sealed record BlueskyAccount(string Did, string Handle, string Email, string MainPassword, string AppPassword)
{
    public HashSet<string> AppPasswords { get; } = [AppPassword];
    public string? DisplayName { get; init; }
    public string? Avatar { get; init; }
    public TimeSpan AccessLifetime { get; init; }
    public bool EmailAuthFactor { get; set; }
    public bool TakenDown { get; set; }
}

public sealed record BlueskyIssuedSession(string Did, string AccessJwt, string RefreshJwt, DateTimeOffset AccessExpiresAt, DateTimeOffset RefreshExpiresAt);

public sealed class RefreshGate
{
    public TaskCompletionSource Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
