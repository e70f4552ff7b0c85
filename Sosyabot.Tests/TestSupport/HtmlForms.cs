using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Sosyabot.Tests.TestSupport;

// Submits the app's static-rendered forms the way a browser does: fetch the page, keep its
// antiforgery token, post the fields with the form's handler name.
public static class HtmlForms
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    // Where a redirect points, as a path on the test server; a redirect to another host stays absolute.
    public static string RedirectTarget(this HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"{response.StatusCode} without a Location header.");
        var server = response.RequestMessage!.RequestUri!;
        if (!location.IsAbsoluteUri) return location.OriginalString;
        return location.Authority == server.Authority && location.Scheme == server.Scheme ? location.PathAndQuery : location.AbsoluteUri;
    }

    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string pageUrl)
    {
        var page = await client.GetAsync(pageUrl);
        page.EnsureSuccessStatusCode();
        var document = Parse(await page.Content.ReadAsStringAsync());
        var token = document.QuerySelector($"input[name={AntiforgeryField}]")?.GetAttribute("value");
        return token ?? throw new InvalidOperationException($"{pageUrl} has no antiforgery token.");
    }

    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl, string handler, IReadOnlyDictionary<string, string> fields)
    {
        var token = await client.AntiforgeryTokenAsync(pageUrl);
        var form = new Dictionary<string, string>(fields) { [AntiforgeryField] = token, ["_handler"] = handler };
        return await client.PostAsync(pageUrl, new FormUrlEncodedContent(form));
    }
}
