using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Web.Account;

// Signing in through the real login form, and the sign-in cookie as a browser would keep or copy it.
public static class SignIns
{
    public const string AuthCookie = "sosyabot.auth";

    public static Task<HttpResponseMessage> SubmitLoginAsync(this HttpClient client, string email, string password, bool rememberMe = false)
    {
        var fields = new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password };
        if (rememberMe) fields["Input.RememberMe"] = "true";
        return client.SubmitFormAsync("/account/login", "login", fields);
    }

    public static string? AuthSetCookie(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.FirstOrDefault(c => c.StartsWith($"{AuthCookie}=", StringComparison.Ordinal))
            : null;

    // A client that sends exactly this cookie and keeps none: a cookie copied out of a browser.
    public static HttpClient WithCopiedCookie(this AppFixture app, string setCookie)
    {
        var client = app.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", setCookie.Split(';')[0]);
        return client;
    }

    // The text of the element the page marks with this data-testid: a message or an error.
    public static async Task<string?> TextOfAsync(this HttpResponseMessage response, string testId) =>
        HtmlForms.Parse(await response.Content.ReadAsStringAsync()).QuerySelector($"[data-testid={testId}]")?.TextContent.Trim();

    public static async Task<HttpResponseMessage> SignOutAsync(this HttpClient client)
    {
        var token = await client.AntiforgeryTokenAsync("/account/login");
        return await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { [HtmlForms.AntiforgeryField] = token }));
    }
}
