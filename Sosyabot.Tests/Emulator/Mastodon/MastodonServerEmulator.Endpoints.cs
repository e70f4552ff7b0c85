using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Sosyabot.Tests.Emulator.Mastodon;

// The real paths, parameters and error bodies of a Mastodon server (Doorkeeper underneath):
// https://docs.joinmastodon.org/methods/apps/ , https://docs.joinmastodon.org/methods/oauth/ ,
// app/controllers/api/base_controller.rb, app/presenters/oauth_metadata_presenter.rb.
public sealed partial class MastodonServerEmulator
{
    private const string InvalidGrant = "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.";
    private const string InvalidClient = "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.";
    private const string InvalidScope = "The requested scope is invalid, unknown, or malformed.";
    private static readonly JsonSerializerOptions Wire = new() { PropertyNamingPolicy = null };

    public void Map(IEndpointRouteBuilder routes, ProviderEmulator emulator)
    {
        var p = "/" + Prefix;
        routes.MapPost(p + "/api/v1/apps", CreateAppAsync);
        routes.MapGet(p + "/api/v1/apps/verify_credentials", VerifyApp);
        routes.MapGet(p + "/.well-known/oauth-authorization-server", Metadata);
        routes.MapGet(p + "/oauth/authorize", (HttpRequest request) => Authorize(request, emulator));
        routes.MapPost(p + "/oauth/token", TokenAsync);
        routes.MapGet(p + "/api/v1/accounts/verify_credentials", VerifyCredentials);
        MapPublishing(routes, p);
        MapInstance(routes, p);
    }

    private async Task<IResult> CreateAppAsync(HttpRequest request)
    {
        var form = await ParamsAsync(request);
        var name = form.GetValueOrDefault("client_name").ToString();
        if (string.IsNullOrWhiteSpace(name)) return Error(422, "Validation failed: Application name can't be blank");
        var redirectUris = form.GetValueOrDefault("redirect_uris").SelectMany(v => (v ?? "").Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries)).ToArray();
        if (redirectUris.Length == 0) return Error(422, "Validation failed: Redirect URI can't be blank");
        // Doorkeeper: a scheme is required (a bare path is relative; .NET would read it as file://), no fragment.
        if (redirectUris.Any(u => !Uri.TryCreate(u, UriKind.Absolute, out var uri) || !u.StartsWith(uri.Scheme + ":", StringComparison.OrdinalIgnoreCase)
                || uri.Fragment.Length > 0 || uri.Scheme is "data" or "javascript" or "vbscript"))
            return Error(422, "Validation failed: Redirect URI must be an absolute URI.");
        var scopes = SplitScopes(form.TryGetValue("scopes", out var s) ? s.ToString() : null);
        if (scopes.Any(scope => !KnownScopes.Contains(scope)))
            return Error(422, "Validation failed: Scopes doesn't match configured on the server.");

        var app = Register(name, redirectUris, scopes);
        var website = form.GetValueOrDefault("website").ToString();
        return IsAtLeast43
            ? Json(200, new
            {
                id = app.Id, name = app.Name, website = NullIfEmpty(website), scopes = app.Scopes,
                redirect_uri = string.Join('\n', app.RedirectUris), redirect_uris = app.RedirectUris,
                client_id = app.ClientId, client_secret = app.ClientSecret, client_secret_expires_at = 0,
            })
            : Json(200, new
            {
                id = app.Id, name = app.Name, website = NullIfEmpty(website), redirect_uri = string.Join('\n', app.RedirectUris),
                client_id = app.ClientId, client_secret = app.ClientSecret, vapid_key = "BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=",
            });
    }

    private IResult Metadata()
    {
        if (!IsAtLeast43)
            return Results.Content("<!DOCTYPE html><html><body><h1>The page you are looking for isn't here.</h1></body></html>", "text/html", statusCode: 404);
        return Json(200, new
        {
            issuer = Origin + "/",
            authorization_endpoint = Origin + "/oauth/authorize",
            token_endpoint = Origin + "/oauth/token",
            revocation_endpoint = Origin + "/oauth/revoke",
            scopes_supported = KnownScopes,
            response_types_supported = new[] { "code" },
            response_modes_supported = new[] { "query", "fragment", "form_post" },
            grant_types_supported = new[] { "authorization_code", "password", "client_credentials" },
            token_endpoint_auth_methods_supported = new[] { "client_secret_basic", "client_secret_post" },
            code_challenge_methods_supported = new[] { "S256" },
            service_documentation = "https://docs.joinmastodon.org/",
            app_registration_endpoint = Origin + "/api/v1/apps",
        });
    }

    private IResult Authorize(HttpRequest request, ProviderEmulator emulator)
    {
        var q = request.Query;
        // Doorkeeper shows an error page (no redirect) when the client or redirect URI cannot be trusted.
        if (!_apps.TryGetValue(q["client_id"].ToString(), out var app))
            return ErrorPage(InvalidClient);
        var redirectUri = q["redirect_uri"].ToString();
        if (!app.RedirectUris.Contains(redirectUri, StringComparer.Ordinal))
            return ErrorPage("The requested redirect uri is malformed or doesn't match client redirect URI.");

        string Back(string error, string description) => QueryHelpers.AddQueryString(redirectUri,
            new Dictionary<string, string?> { ["error"] = error, ["error_description"] = description, ["state"] = q["state"].ToString() });
        if (q["response_type"] != "code")
            return Results.Redirect(Back("unsupported_response_type", "The authorization server does not support this response type."));
        var scope = string.Join(' ', SplitScopes(q.TryGetValue("scope", out var sc) ? sc.ToString() : null));
        if (scope.Split(' ').Any(x => !app.Scopes.Contains(x)))
            return Results.Redirect(Back("invalid_scope", InvalidScope));

        // Before 4.3 the PKCE parameters were not known and simply ignored.
        string? challenge = null, method = null;
        if (IsAtLeast43 && !StringValues.IsNullOrEmpty(q["code_challenge"]))
        {
            challenge = q["code_challenge"].ToString();
            method = StringValues.IsNullOrEmpty(q["code_challenge_method"]) ? "plain" : q["code_challenge_method"].ToString();
            if (method != "S256")
                return Results.Redirect(Back("invalid_request", "Code challenge method must be S256."));
        }

        var state = StringValues.IsNullOrEmpty(q["state"]) ? null : q["state"].ToString();
        return ConsentPage.Answer(emulator, "Mastodon", redirectUri, state,
            () => _codes.IssueCode(new OAuthCodeStore.IssuedCode(app.ClientId, redirectUri, scope, challenge, method, SignedInAccountId)));
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var (clientId, secret) = ClientCredentials(request, form);
        if (clientId is null || !_apps.TryGetValue(clientId, out var app) || app.ClientSecret != secret)
            return OAuthError(401, "invalid_client", InvalidClient);

        switch (form["grant_type"].ToString())
        {
            case "authorization_code":
                if (StringValues.IsNullOrEmpty(form["code"]))
                    return OAuthError(400, "invalid_request", "Missing required parameter: code.");
                var code = _codes.TakeCode(form["code"].ToString());
                if (code is null || code.ClientId != app.ClientId || code.RedirectUri != form["redirect_uri"].ToString())
                    return OAuthError(400, "invalid_grant", InvalidGrant);
                var verifier = StringValues.IsNullOrEmpty(form["code_verifier"]) ? null : form["code_verifier"].ToString();
                // Doorkeeper: a challenged grant needs the right verifier; a verifier for an unchallenged grant fails too.
                if (IsAtLeast43 && (code.CodeChallenge is null ? verifier is not null : !OAuthCodeStore.VerifierMatches(code, verifier)))
                    return OAuthError(400, "invalid_grant", InvalidGrant);
                return TokenResponse(IssueToken(app.ClientId, code.AccountId, code.Scope), code.Scope);

            case "client_credentials":
                var scope = SplitScopes(form.TryGetValue("scope", out var s) ? s.ToString() : null);
                if (scope.Any(x => !app.Scopes.Contains(x)))
                    return OAuthError(400, "invalid_scope", InvalidScope);
                var joined = string.Join(' ', scope);
                return TokenResponse(IssueToken(app.ClientId, null, joined), joined);

            default:
                return OAuthError(400, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server.");
        }
    }

    // Any token of the app, user or app token; the Application entity without secrets.
    private IResult VerifyApp(HttpRequest request)
    {
        if (BearerToken(request) is not { } issued || !_apps.TryGetValue(issued.ClientId, out var app))
            return Error(401, "The access token is invalid");
        return IsAtLeast43
            ? Json(200, new { id = app.Id, name = app.Name, website = (string?)null, scopes = app.Scopes, redirect_uri = string.Join('\n', app.RedirectUris), redirect_uris = app.RedirectUris })
            : Json(200, new { name = app.Name, website = (string?)null, vapid_key = "BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=" });
    }

    private IResult VerifyCredentials(HttpRequest request)
    {
        if (BearerToken(request) is not { } issued)
            return Error(401, "The access token is invalid");
        var accepted = IsAtLeast43 ? new[] { "read", "read:accounts", "profile" } : ["read", "read:accounts"];
        if (!issued.Scope.Split(' ').Any(accepted.Contains))
            return Error(403, "This action is outside the authorized scopes");
        if (issued.AccountId is null)
            return Error(422, "This method requires an authenticated user");

        var a = _accounts[issued.AccountId];
        var host = new Uri(Origin).Host;
        return Json(200, new
        {
            id = a.Id, username = a.Username, acct = a.Username, display_name = a.DisplayName,
            locked = false, bot = false, discoverable = true, group = false, created_at = "2022-11-07T00:00:00.000Z",
            note = "<p>Hello</p>", url = $"https://{host}/@{a.Username}", uri = $"https://{host}/users/{a.Username}",
            avatar = a.Avatar, avatar_static = a.Avatar, header = $"https://{host}/headers/original/missing.png",
            followers_count = 3, following_count = 5, statuses_count = 42, last_status_at = "2026-11-01",
            source = new { privacy = "public", sensitive = false, language = "en", note = "Hello", fields = Array.Empty<object>() },
            emojis = Array.Empty<object>(), fields = Array.Empty<object>(),
        });
    }

    private IssuedToken? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
        return token is not null && _tokens.TryGetValue(token, out var issued) ? issued : null;
    }

    // Doorkeeper reads client credentials from HTTP Basic first, then from the form.
    private static (string? Id, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var decoded = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
            var colon = decoded.IndexOf(':');
            return colon < 0 ? (null, null) : (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
        }
        return (NullIfEmpty(form["client_id"].ToString()), NullIfEmpty(form["client_secret"].ToString()));
    }

    // POST /api/v1/apps takes form data or JSON (redirect_uris as a string or an array).
    private static async Task<Dictionary<string, StringValues>> ParamsAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
            return (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value);
        using var json = await JsonDocument.ParseAsync(request.Body);
        return json.RootElement.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind == JsonValueKind.Array
                ? new StringValues(p.Value.EnumerateArray().Select(v => v.GetString()).ToArray())
                : new StringValues(p.Value.ToString()));
    }

    private static IResult TokenResponse(string token, string scope) =>
        Json(200, new { access_token = token, token_type = "Bearer", scope, created_at = DateTimeOffset.UtcNow.ToUnixTimeSeconds() });

    private static IResult OAuthError(int status, string error, string description) =>
        Json(status, new { error, error_description = description });

    private static IResult Error(int status, string error) => Json(status, new { error });

    private static IResult ErrorPage(string description) =>
        Results.Content($"<!DOCTYPE html><html><body><h1>An error has occurred</h1><p>{description}</p></body></html>", "text/html", statusCode: 400);

    private static IResult Json(int status, object body) => Results.Json(body, Wire, statusCode: status);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
