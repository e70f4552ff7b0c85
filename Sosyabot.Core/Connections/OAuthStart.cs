namespace Sosyabot.Core.Connections;

// BrowserNonce goes into a cookie on the browser that started the flow; only its hash is stored.
public sealed record OAuthStart(Uri RedirectTo, string State, string BrowserNonce, DateTimeOffset ExpiresAt);
