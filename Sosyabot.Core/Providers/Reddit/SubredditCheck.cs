namespace Sosyabot.Core.Providers.Reddit;

// What /r/{name}/about says about posting there, for validation before a post is scheduled.
// Type is Reddit's subreddit_type (public, restricted, private...), SubmissionType any|self|link.
public sealed record SubredditCheck(string Name, bool Exists, bool CanPost, string? Type, string? SubmissionType, string Message);
