namespace Sosyabot.Core.Providers.X;

// A pending X publish is remembered by its media ids, in the order of the part's media, so the status
// check can ask for each and attach them (with their alt text) in the same order.
internal static class XMediaHandle
{
    public static string Format(IEnumerable<string> mediaIds) => string.Join(',', mediaIds);

    public static IReadOnlyList<string> Parse(string handle) => handle.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
