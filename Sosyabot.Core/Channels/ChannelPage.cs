namespace Sosyabot.Core.Channels;

// One page of a workspace's channels; the counts cover every match, not only this page.
public sealed record ChannelPage(IReadOnlyList<ChannelView> Items, int Total, IReadOnlyDictionary<string, int> CountsByPlatform)
{
    public const int DefaultSize = 50;
}
