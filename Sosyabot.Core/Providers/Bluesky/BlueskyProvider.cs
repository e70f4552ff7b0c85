using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Sosyabot.Core.Net;
using Sosyabot.Core.Providers.Http;
using static Sosyabot.Core.Providers.Bluesky.BlueskyDefaults;

namespace Sosyabot.Core.Providers.Bluesky;

// Handle + app password → a PDS session (accessJwt, refreshJwt). The password is used once, here, and
// never stored: afterwards only refreshSession keeps the channel alive, because createSession is
// limited to 30 per 5 minutes and 300 per day per account.
public sealed partial class BlueskyProvider(ProviderApiFactory apis, SafeHttpPolicy addresses, TimeProvider clock, ILogger<BlueskyProvider> logger)
    : ICredentialsProvider, ITokenRefresher
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public PlatformInfo Info => BlueskyDefaults.Info;

    public IReadOnlyList<string> MissingSettings => [];

    public IReadOnlyList<CredentialField> Fields => BlueskyDefaults.Fields;

    public async Task<ConnectedAccount> ValidateAsync(IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        var identifier = values.GetValueOrDefault(IdentifierField)?.Trim().TrimStart('@') ?? "";
        var password = values.GetValueOrDefault(AppPasswordField)?.Trim() ?? "";
        if (identifier.Length == 0) throw new InvalidRequestException("Handle or email is required.");
        if (!AppPassword().IsMatch(password))
            throw new InvalidRequestException(
                "That is not a Bluesky app password. App passwords look like xxxx-xxxx-xxxx-xxxx: create one at Settings → Privacy and security → App passwords. Do not use your main Bluesky password.");
        var pds = string.IsNullOrWhiteSpace(values.GetValueOrDefault(PdsField)) ? DefaultPds : ServerAddress.Normalize(values[PdsField], "Bluesky PDS", addresses);

        var api = Api(atConnect: true);
        var login = new HttpRequestMessage(HttpMethod.Post, pds + CreateSessionPath) { Content = JsonContent.Create(new { identifier, password }) };
        var session = ReadSession(await api.SendForJsonAsync(login, ct), pds);
        if (session.Active == false)
            throw new ProviderException(ProviderErrorKind.Rejected, $"This Bluesky account is {session.Status ?? "not active"}, so it cannot post. Resolve that in Bluesky first.");

        var profile = await TryGetProfileAsync(api, pds, session, ct);
        return new ConnectedAccount(
            session.Did!,
            string.IsNullOrWhiteSpace(profile?.DisplayName) ? session.Handle! : profile.DisplayName,
            session.Handle,
            profile?.Avatar,
            Tokens(session),
            new JsonObject { [PdsSetting] = pds });
    }

    // Rotating: the PDS revokes the refresh JWT it was given, so the result must be stored before
    // anything else uses the channel (ChannelRefreshService holds the row lock for that). No
    // createSession fallback: the app password is not stored, and logging in per refresh would spend
    // the account's small login budget.
    public async Task<TokenSet> RefreshAsync(ChannelContext channel, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(channel.RefreshToken))
            throw new ProviderException(ProviderErrorKind.Auth, "No Bluesky session is stored for this channel. Reconnect it with an app password.");
        var pds = channel.Setting(PdsSetting) ?? DefaultPds;
        var request = new HttpRequestMessage(HttpMethod.Post, pds + RefreshSessionPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", channel.RefreshToken);
        var session = ReadSession(await Api(atConnect: false).SendForJsonAsync(request, ct), pds);
        if (session.Did != channel.Pid)
            throw new ProviderException(ProviderErrorKind.Auth, "The Bluesky server returned a session for a different account. Reconnect the channel.");
        return Tokens(session);
    }

    // The profile only decorates the channel; a PDS that cannot reach its AppView still gives a usable session.
    private async Task<BlueskyProfile?> TryGetProfileAsync(ProviderApi api, string pds, BlueskySession session, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{pds}{GetProfilePath}?actor={Uri.EscapeDataString(session.Did!)}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessJwt);
        try
        {
            return (await api.SendForJsonAsync(request, ct)).Deserialize<BlueskyProfile>(Json);
        }
        catch (Exception e) when (e is ProviderException { Kind: ProviderErrorKind.Transient or ProviderErrorKind.Rejected } or JsonException)
        {
            LogProfileUnavailable(e.Message);
            return null;
        }
    }

    private TokenSet Tokens(BlueskySession session) => new(
        session.AccessJwt!,
        session.RefreshJwt,
        BlueskyJwt.ExpiresAt(session.AccessJwt) ?? clock.GetUtcNow() + DefaultAccessLifetime,
        BlueskyJwt.ExpiresAt(session.RefreshJwt));

    private static BlueskySession ReadSession(JsonElement json, string pds)
    {
        BlueskySession? session = null;
        try
        {
            session = json.Deserialize<BlueskySession>(Json);
        }
        catch (JsonException)
        {
            // Reported below, like any other answer without a session in it.
        }
        return session is { AccessJwt.Length: > 0, RefreshJwt.Length: > 0, Did.Length: > 0, Handle.Length: > 0 }
            ? session
            : throw new ProviderException(ProviderErrorKind.Rejected, $"{pds} did not answer like a Bluesky server (no session in its reply). Check the PDS address.");
    }

    private ProviderApi Api(bool atConnect) =>
        apis.Create(ProviderClients.UserSupplied, BlueskyDefaults.Info.DisplayName, new BlueskyErrorInspector(atConnect, clock));

    [LoggerMessage(LogLevel.Warning, "Bluesky profile could not be read while connecting; using the handle instead: {Reason}")]
    private partial void LogProfileUnavailable(string reason);
}
