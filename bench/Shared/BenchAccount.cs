using System.Net;
using System.Text.RegularExpressions;

namespace Sosyabot.Bench;

// A user registered through the app's own form; registration creates their personal workspace.
public sealed partial class BenchAccount(HttpClient client, CookieContainer cookies, Guid workspaceId)
{
    public const string Password = "bench-password-1";

    public HttpClient Client => client;
    public CookieContainer Cookies => cookies;
    public Guid WorkspaceId => workspaceId;

    public static async Task<BenchAccount> RegisterAsync(Uri app)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app };
        var form = await client.GetStringAsync("/account/register");
        var token = Antiforgery().Match(form) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on /account/register.");
        var registered = await client.PostAsync("/account/register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = $"bench-{Guid.NewGuid():N}@example.test",
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "register",
        }));
        if (registered.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Registering answered {registered.StatusCode}.");
        var home = await client.GetAsync("/");
        var location = home.Headers.Location?.OriginalString ?? "";
        var start = location.IndexOf("/w/", StringComparison.Ordinal);
        if (start < 0) throw new InvalidOperationException($"After registering, / answered {home.StatusCode} to '{location}'.");
        return new BenchAccount(client, cookies, Guid.Parse(location[(start + 3)..(start + 39)]));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
