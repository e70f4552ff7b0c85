using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Sosyabot.Tests.Emulator;

// The end of every emulated authorize endpoint, once it has validated the request: send the browser
// back with a code (or access_denied), at once or after a click on a consent page.
public static class ConsentPage
{
    public static IResult Answer(ProviderEmulator emulator, string platformName, string redirectUri, string? state, Func<string> issueCode)
    {
        string Allow() => QueryHelpers.AddQueryString(redirectUri, Query(("code", issueCode()), ("state", state)));
        string Deny() => QueryHelpers.AddQueryString(redirectUri, Query(("error", "access_denied"), ("state", state)));
        return emulator.Consent switch
        {
            ConsentMode.Allow => Results.Redirect(Allow()),
            ConsentMode.Deny => Results.Redirect(Deny()),
            _ => Results.Content($"""
                <!DOCTYPE html><html><head><title>Authorize Sosyabot · {platformName}</title></head><body>
                <h1>Sosyabot wants to access your {platformName} account</h1>
                <a id="allow" href="{WebUtility.HtmlEncode(Allow())}">Allow</a>
                <a id="deny" href="{WebUtility.HtmlEncode(Deny())}">Decline</a>
                </body></html>
                """, "text/html"),
        };
    }

    private static Dictionary<string, string?> Query(params (string Key, string? Value)[] pairs) =>
        pairs.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value);
}
