namespace Sosyabot.Core.Posts;

// A part the platform confirmed, stored the moment it answered: a thread resumes after the last one.
public sealed record PartProgress(int Index, string PlatformPostId, string? Url, string? Ref);
