namespace Sosyabot.Core.Posts;

public enum PostScheduleKind
{
    Draft,
    Now,
    At,
}

// When a post goes out: not yet (a draft), at once, or at a wall-clock time in an IANA zone.
public sealed record PostSchedule(PostScheduleKind Kind, DateTime? Local = null, string? TimeZone = null)
{
    public static PostSchedule Draft { get; } = new(PostScheduleKind.Draft);
    public static PostSchedule Now { get; } = new(PostScheduleKind.Now);
    public static PostSchedule At(DateTime local, string timeZone) => new(PostScheduleKind.At, local, timeZone);
}
