namespace Sosyabot.Core.Workspaces;

public static class TimeZones
{
    public static IReadOnlyList<string> All { get; } = TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.Id)
        .Where(id => id.Contains('/') || id == "UTC")
        .Order(StringComparer.Ordinal)
        .ToList();

    // The longest IANA id is about 30 characters; anything much longer is not worth echoing back.
    public const int MaxLength = 64;

    public static string Validate(string? id)
    {
        var trimmed = id?.Trim() ?? "";
        if (trimmed.Length > MaxLength) throw new InvalidRequestException($"A time zone id has at most {MaxLength} characters.");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(trimmed, out var zone) || !zone.HasIanaId)
            throw new InvalidRequestException($"'{trimmed}' is not an IANA time zone such as Europe/Istanbul.");
        return zone.Id;
    }
}
