namespace Sosyabot.Core;

// Return addresses come from the query string; only paths on this site are followed (no open redirect).
public static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    public static string Or(string? url, string fallback) => IsLocal(url) ? url! : fallback;

    public static string OrRoot(string? url) => Or(url, "/");
}
