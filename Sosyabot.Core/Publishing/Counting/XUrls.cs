using System.Globalization;
using System.Text.RegularExpressions;

namespace Sosyabot.Core.Publishing.Counting;

// The URLs X finds in a text (each then weighs 23), ported from twitter-text's Extractor and
// Regex (twitter/twitter-text@30e2430, java/.../twittertext/Regex.java, Apache-2.0): with or
// without a scheme (example.com counts), host labels valid per IDNA (punycode at most 63 per label),
// balanced parentheses in paths, t.co slugs. Java's possessive quantifiers are atomic groups here.
public static class XUrls
{
    private const string InvalidCharacters = @"\uFFFE\uFEFF\uFFFF";
    private const string DirectionalCharacters = @"\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069";
    private const string LatinAccents = @"\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff";
    private const string Cyrillic = @"\u0400-\u04ff";
    private const string PrecedingChars = "(?:[^a-z0-9@＠$#＃" + InvalidCharacters + "]|[" + DirectionalCharacters + "]|^)";
    // Java unions nested classes ([[a-z]\-_]); .NET does not, so the sets are spelled out.
    private const string ValidCharSet = "a-z0-9" + LatinAccents;
    private const string ValidChars = "[" + ValidCharSet + "]";
    private const string Subdomain = "(?>(?:" + ValidChars + "[" + ValidCharSet + @"\-_]*)?" + ValidChars + @"\.)";
    private const string DomainName = "(?:(?:" + ValidChars + "[" + ValidCharSet + @"\-]*)?" + ValidChars + @"\.)";
    private const string Punctuation = @"\-_!""#$%&'\(\)*+,./:;<=>?@\[\]^`\{|}~";
    private const string UnicodeChars = "[^" + Punctuation + @"\s\p{Z}\p{IsGeneralPunctuation}]";
    private const string UnicodeDomainName = "(?:(?:" + UnicodeChars + "(?:" + UnicodeChars + @"|\-)*)?" + UnicodeChars + @"\.)";
    private const string Punycode = "(?:xn--[-0-9a-z]+)";
    private const string PathChars = @"[a-z0-9!\*';:=\+,.\$/%#\[\]\-\u2013_~\|&@" + LatinAccents + Cyrillic + "]";
    private const string BalancedParens = @"\((?:" + PathChars + "+|(?:" + PathChars + @"*\(" + PathChars + @"+\)" + PathChars + @"*))\)";
    private const string PathEnding = @"[a-z0-9=_#/\-\+" + LatinAccents + Cyrillic + "]|(?:" + BalancedParens + ")";
    private const string Path = "(?:(?:" + PathChars + "*(?:" + BalancedParens + PathChars + "*)*" + PathEnding + ")|(?:@" + PathChars + "+/))";
    private const string QueryChars = @"[a-z0-9!?\*'\(\);:&=\+\$/%#\[\]\-_\.,~\|@]";
    private const string QueryEnding = @"[a-z0-9\-_&=#/]";

    private const int MaxUrlLength = 4096;
    private const int MaxTcoSlugLength = 40;
    private const int ProtocolLength = 8; // "https://", added to a scheme-less URL's length check

    private static readonly Regex Url = Build();
    private static readonly Regex Tco = new(@"^https?://t\.co/([a-z0-9]+)(?:\?" + QueryChars + "*" + QueryEnding + ")?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex InvalidBeforeSchemeless = new("[-_./]$");
    private static readonly IdnMapping Idn = new() { AllowUnassigned = true };

    // Start and length of each URL in text, in order.
    public static IReadOnlyList<(int Start, int Length)> Find(string text)
    {
        if (text.IndexOf('.') < 0) return [];
        var found = new List<(int, int)>();
        // Matched on a lower-cased copy (same length, char for char) instead of with IgnoreCase:
        // case-insensitive, the 1,500 TLD alternatives were ten times slower, and this runs per keystroke.
        foreach (Match match in Url.Matches(text.ToLowerInvariant()))
        {
            var protocol = match.Groups["protocol"];
            if (!protocol.Success && InvalidBeforeSchemeless.IsMatch(match.Groups["before"].Value)) continue;
            var url = match.Groups["url"];
            var length = url.Length;
            if (Tco.Match(url.Value) is { Success: true } tco)
            {
                if (tco.Groups[1].Length > MaxTcoSlugLength) continue;
                length = tco.Length;
            }
            if (IsValidHost(length, protocol.Success, match.Groups["domain"].Value))
                found.Add((url.Index, length));
        }
        return found;
    }

    // RFC 3490 and 1035 via IDNA: every label 1-63 once punycode-encoded, the whole URL within 4,096.
    private static bool IsValidHost(int urlLength, bool hasProtocol, string host)
    {
        if (host.Length == 0) return false;
        string ascii;
        try
        {
            ascii = Idn.GetAscii(host);
        }
        catch (ArgumentException)
        {
            return false;
        }
        return ascii.Length > 0 && urlLength + ascii.Length - host.Length + (hasProtocol ? 0 : ProtocolLength) <= MaxUrlLength;
    }

    private static Regex Build()
    {
        var tld = (IEnumerable<string> list) => "(?:(?:" + string.Join('|', list.Select(Regex.Escape)) + ")(?=[^a-z0-9@+-]|$))";
        var generic = tld(XTlds.Generic);
        var country = tld(XTlds.CountryCode);
        var domain =
            "(?:" + Subdomain + "*" + DomainName + "(?:" + generic + "|" + country + "|" + Punycode + "))" +
            "|(?:(?<=https?://)(?:(?:" + DomainName + country + ")|(?:" + UnicodeDomainName + "(?:" + generic + "|" + country + "))))" +
            "|(?:" + DomainName + country + "(?=/))";
        var pattern =
            "(?<before>" + PrecedingChars + ")" +
            "(?<url>(?<protocol>https?://)?(?<domain>" + domain + ")(?::(?>[0-9]+))?" +
            "(?:/(?>" + Path + "*))?" +
            @"(?:\?" + QueryChars + "*" + QueryEnding + ")?)";
        // Not Compiled: measured, the interpreter is faster on this pattern (the compiled TLD alternation is huge).
        return new Regex(pattern, RegexOptions.CultureInvariant);
    }
}
