namespace Sosyabot.Web.Infrastructure;

public static class SecurityHeadersExtensions
{
    // No inline script anywhere (App.razor renders no import map for this reason), so script-src needs
    // nothing but 'self'. MudBlazor writes style attributes, hence 'unsafe-inline' for styles only.
    // Avatars come from the platforms' CDNs over https. 'self' in connect-src covers the circuit's
    // same-origin websocket. form-action also applies to the redirects after a form post, and every
    // form here posts to and redirects within this site; the OAuth start is a navigation, not a form.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; " +
        "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    // Set before the endpoint runs, so an endpoint that needs stricter values (the OAuth callback's
    // no-referrer) can still replace them.
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return next(context);
    });
}
