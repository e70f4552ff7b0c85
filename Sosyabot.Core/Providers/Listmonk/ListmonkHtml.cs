using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Sosyabot.Core.Providers.Listmonk;

// A post's plain text as a campaign body: paragraphs at blank lines, line breaks kept, web addresses
// made links, everything else encoded so the text cannot inject markup or Listmonk template tags.
internal static partial class ListmonkHtml
{
    public static string Paragraphs(string text)
    {
        var html = new StringBuilder();
        foreach (var paragraph in ParagraphBreak().Split(text.Replace("\r\n", "\n").Trim()).Where(p => p.Trim().Length > 0))
            html.Append("<p>").Append(string.Join("<br>\n", paragraph.Trim().Split('\n').Select(Line))).Append("</p>\n");
        return html.ToString();
    }

    public static string Image(string url, string? altText) =>
        $"<p><img src=\"{Encode(url)}\" alt=\"{Encode(altText ?? "")}\"></p>\n";

    private static string Line(string line)
    {
        var html = new StringBuilder();
        var at = 0;
        foreach (Match link in WebAddress().Matches(line))
        {
            var url = link.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')');
            html.Append(Encode(line[at..link.Index])).Append($"<a href=\"{Encode(url)}\">{Encode(url)}</a>");
            at = link.Index + url.Length;
        }
        return html.Append(Encode(line[at..])).ToString();
    }

    // HtmlEncode leaves braces alone; Listmonk would run "{{ ... }}" in a body as a Go template.
    private static string Encode(string text) => WebUtility.HtmlEncode(text).Replace("{", "&#123;").Replace("}", "&#125;");

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.IgnoreCase)]
    private static partial Regex WebAddress();
}
