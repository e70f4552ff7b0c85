using System.Globalization;
using Sosyabot.Core.Workspaces;

namespace Sosyabot.Core.Posts;

// A wall-clock time the user wrote, in the zone they wrote it in, turned into the instant it means.
public static class LocalTimes
{
    // A time the clocks skip (spring forward) does not exist: refused, naming the valid minutes on
    // either side of the gap. A time they repeat (fall back) means its first occurrence.
    public static DateTimeOffset ToUtc(DateTime local, string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZones.Validate(zoneId));
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var minute = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMinute));
            var before = minute;
            while (zone.IsInvalidTime(before)) before = before.AddMinutes(-1);
            var after = minute;
            while (zone.IsInvalidTime(after)) after = after.AddMinutes(1);
            throw new InvalidRequestException(
                $"{Format(local)} does not exist in {zone.Id}: the clocks skip it for daylight saving time. The nearest valid times are {Format(before)} and {Format(after)}.");
        }
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static string Format(DateTime time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
