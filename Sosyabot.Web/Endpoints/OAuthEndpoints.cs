using System.Security.Claims;
using Microsoft.Extensions.Options;
using Sosyabot.Core;
using Sosyabot.Core.Connections;
using Sosyabot.Core.Workspaces;
using Sosyabot.Web.Infrastructure;

namespace Sosyabot.Web.Endpoints;

// Plain HTTP endpoints, not components: the flow sets and reads cookies and redirects the browser.
public static class OAuthEndpoints
{
    private const string CookiePrefix = "sosyabot.oauth.";
    private const string CookiePath = "/api/v1/auth";

    public static WebApplication MapOAuthEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/auth/{platform}").RequireAuthorization();
        group.MapGet("/start", StartAsync);
        group.MapGet("/callback", CallbackAsync);
        return app;
    }

    private const string NotStartedHere = "This connect was not started from Sosyabot's Channels page; start it again there.";

    // A GET, because it ends in a full-page redirect to the platform; the ticket makes it a request
    // only our own page can make, and Sec-Fetch-Site turns away what a browser says came from elsewhere.
    private static async Task<IResult> StartAsync(string platform, Guid workspace, string? returnTo, string? instance, string? ticket,
        HttpContext http, OAuthFlowService flows, ConnectMessages messages, ConnectStartTickets tickets, IOptions<AppOptions> options, CancellationToken ct)
    {
        var fetchSite = http.Request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite is not ("" or "same-origin" or "none") || !tickets.IsValid(ticket, UserId(http), workspace, platform, instance))
            return ToChannels(workspace, messages, NotStartedHere);
        try
        {
            var start = await flows.StartAsync(UserId(http), workspace, platform, returnTo, instance, ct);
            http.Response.Cookies.Append(CookieName(start.State), start.BrowserNonce, new CookieOptions
            {
                HttpOnly = true,
                // Lax, not Strict: the callback is a top-level navigation coming from the platform's site.
                SameSite = SameSiteMode.Lax,
                Secure = options.Value.BaseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase),
                Path = CookiePath,
                Expires = start.ExpiresAt,
            });
            return Results.Redirect(start.RedirectTo.AbsoluteUri);
        }
        catch (WorkspaceAccessDeniedException)
        {
            return Results.NotFound();
        }
        catch (Exception e) when (e is InvalidRequestException or Sosyabot.Core.Providers.Http.ProviderException)
        {
            return ToChannels(workspace, messages, e.Message);
        }
    }

    private static IResult ToChannels(Guid workspace, ConnectMessages messages, string message) =>
        Results.Redirect($"/w/{workspace}/channels?connect_message={Uri.EscapeDataString(messages.Protect(message))}");

    private static async Task<IResult> CallbackAsync(string platform, string? code, string? state, string? error, string? iss,
        HttpContext http, OAuthFlowService flows, CancellationToken ct)
    {
        // RFC 9700 §4.2.4: the code must not leak through Referer or linger in caches.
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers.CacheControl = "no-store";
        var nonce = state is null ? null : http.Request.Cookies[CookieName(state)];
        var result = await flows.CompleteAsync(UserId(http), platform, new OAuthCallback(code, state, error, iss), nonce, ct);
        if (state is not null) http.Response.Cookies.Delete(CookieName(state), new CookieOptions { Path = CookiePath });

        var target = result switch
        {
            { Succeeded: true } => AddQuery(result.ReturnTo, "connected", result.ChannelId!.Value.ToString()),
            { FailedAttemptId: { } attempt } => $"/w/{result.WorkspaceId}/channels?connect_attempt={attempt}",
            _ => $"/channels?connect_error={result.ErrorCode}",
        };
        return Results.Redirect(target);
    }

    // One cookie per flow, so two connects started in two tabs do not overwrite each other.
    private static string CookieName(string state) => CookiePrefix + OAuthSecrets.Hash(state)[..16];

    private static Guid UserId(HttpContext http) => Guid.Parse(http.User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    private static string AddQuery(string path, string key, string value) =>
        path + (path.Contains('?') ? '&' : '?') + key + "=" + Uri.EscapeDataString(value);
}
