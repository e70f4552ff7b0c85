using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Sosyabot.Core.Providers.X;

// What X hands back is not what was sent: every link becomes a t.co link (bare domains too, when
// twitter-text recognises them), & < > come back as HTML entities and surrounding space is trimmed.
// Both sides are reduced the same way (links and link-like words dropped, entities decoded,
// whitespace collapsed) so the comparison does not depend on which words X chose to link.
internal static partial class XPostText
{
    public static string Comparable(string text)
    {
        var decoded = WebUtility.HtmlDecode(text).Normalize(NormalizationForm.FormC);
        return Whitespace().Replace(LinkLike().Replace(decoded, " "), " ").Trim();
    }

    [GeneratedRegex(@"https?://\S+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?", RegexOptions.IgnoreCase)]
    private static partial Regex LinkLike();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
