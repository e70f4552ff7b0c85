namespace Sosyabot.Core.Posts;

public static class PostStatuses
{
    // Cancelled targets do not count once something else happened; Unknown and Missed are not
    // published, so a post with some of them is Partial (or Failed when nothing went out).
    public static PostStatus Of(IReadOnlyCollection<PostTargetStatus> targets)
    {
        var live = targets.Where(t => t != PostTargetStatus.Cancelled).ToList();
        if (live.Count == 0) return PostStatus.Cancelled;
        if (live.All(t => t == PostTargetStatus.Draft)) return PostStatus.Draft;
        if (live.All(t => t is PostTargetStatus.Scheduled or PostTargetStatus.Draft)) return PostStatus.Scheduled;
        if (live.Any(t => t is PostTargetStatus.Scheduled or PostTargetStatus.Publishing or PostTargetStatus.Waiting)) return PostStatus.Publishing;
        var published = live.Count(t => t == PostTargetStatus.Published);
        return published == live.Count ? PostStatus.Published : published == 0 ? PostStatus.Failed : PostStatus.Partial;
    }
}
