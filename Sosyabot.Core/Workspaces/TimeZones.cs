namespace Sosyabot.Core.Workspaces;

public static class TimeZones
{
    public static IReadOnlyList<string> All { get; } = TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.Id)
        .Where(id => id.Contains('/') || id == "UTC")
        .Order(StringComparer.Ordinal)
        .ToList();

    public static string Validate(string? id)
    {
        var trimmed = id?.Trim() ?? "";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(trimmed, out var zone) || !zone.HasIanaId)
            throw new InvalidRequestException($"'{trimmed}' is not an IANA time zone such as Europe/Istanbul.");
        return zone.Id;
    }
}
