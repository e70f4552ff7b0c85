namespace Sosyabot.Core.Posts;

// What a change to a post did: the targets it changed, and those it left alone because they were
// already claimed by the engine or finished, with the reason in words.
public sealed record PostChangeResult(IReadOnlyList<Guid> Changed, IReadOnlyList<TargetNotChanged> NotChanged)
{
    public bool Deleted { get; init; }
}

public sealed record TargetNotChanged(Guid TargetId, Guid? ChannelId, PostTargetStatus Status, string Reason)
{
    public static TargetNotChanged Of(PostTarget target) => new(target.Id, target.ChannelId, target.Status, target.Status switch
    {
        PostTargetStatus.Publishing or PostTargetStatus.Waiting => "It is being published right now.",
        PostTargetStatus.Published => "It was already published.",
        PostTargetStatus.Unknown => "It may already have been published.",
        PostTargetStatus.Failed => "Publishing it already failed.",
        PostTargetStatus.Missed => "Its time passed while the app was down.",
        _ => "It was cancelled.",
    });
}
