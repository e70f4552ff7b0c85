namespace Sosyabot.Core;

// Return addresses come from the query string; only paths on this site are followed (no open redirect).
// Browsers drop tabs and newlines from URLs and read a backslash as a slash, so "/\t/evil.example" and
// "/\evil.example" would leave the site, and a control character in Location answers 500. Only printable
// ASCII is accepted, so what goes into Location is exactly the checked path; the percent-decoded form is
// checked too, for a server or proxy in front that decodes before the browser sees it.
public static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.All(c => c is > ' ' and < '\x7f') && IsRootedPath(url) && IsRootedPath(Uri.UnescapeDataString(url));

    public static string Or(string? url, string fallback) => IsLocal(url) ? url! : fallback;

    public static string OrRoot(string? url) => Or(url, "/");

    private static bool IsRootedPath(string url) =>
        url[0] == '/' && !url.Contains('\\') && !url.Any(char.IsControl) && (url.Length == 1 || url[1] != '/');
}
