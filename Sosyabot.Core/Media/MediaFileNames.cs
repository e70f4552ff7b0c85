namespace Sosyabot.Core.Media;

// The uploaded name is shown back to people, never used as a path: keep the last segment, drop
// control and path characters, bound the length.
public static class MediaFileNames
{
    public const int MaxLength = 200;

    public static string Sanitise(string? fileName, string fallbackExtension)
    {
        var last = (fileName ?? "").Replace('\\', '/').Split('/')[^1];
        var kept = new string(last.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?')).ToArray()).Trim().Trim('.');
        if (kept.Length == 0) kept = $"upload.{fallbackExtension}";
        return kept.Length <= MaxLength ? kept : kept[..MaxLength];
    }
}
