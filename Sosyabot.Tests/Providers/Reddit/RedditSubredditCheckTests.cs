using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Reddit;
using Sosyabot.Tests.Emulator.Reddit;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.Reddit;

public class RedditSubredditCheckTests(EmulatedAppFixture fixture) : IClassFixture<EmulatedAppFixture>
{
    private RedditEmulator Reddit => fixture.Emulator.Platform<RedditEmulator>();

    private Task<(ChannelContext Channel, RedditAccount Account)> ConnectAsync() => RedditChannels.ConnectAsync(fixture);

    private Task<SubredditCheck> CheckAsync(ChannelContext channel, string name) =>
        Publishers.WithAsync<RedditProvider, SubredditCheck>(fixture.Factory.Services, RedditDefaults.Key, r => r.CheckSubredditAsync(channel, name, default));

    private static string NewName() => $"s{Guid.NewGuid():N}"[..16];

    [Fact]
    public async Task A_public_subreddit_can_be_posted_to_and_says_what_it_takes()
    {
        var (channel, _) = await ConnectAsync();
        var any = Reddit.CreateSubreddit(NewName());
        var selfOnly = Reddit.CreateSubreddit(NewName(), submissionType: "self");

        var open = await CheckAsync(channel, $"r/{any.Name}");
        var text = await CheckAsync(channel, selfOnly.Name);

        Assert.Equal(new SubredditCheck(any.Name, true, true, "public", "any", $"r/{any.Name} takes text, link and image posts."), open);
        Assert.Equal((true, "self", $"r/{selfOnly.Name} takes text posts only."), (text.CanPost, text.SubmissionType, text.Message));
    }

    [Fact]
    public async Task A_missing_private_restricted_or_banning_subreddit_cannot_be_posted_to()
    {
        var (channel, account) = await ConnectAsync();
        var missing = NewName();
        var secret = Reddit.CreateSubreddit(NewName(), type: "private");
        var restricted = Reddit.CreateSubreddit(NewName(), type: "restricted");
        var banning = Reddit.CreateSubreddit(NewName());
        banning.Banned.Add(account.Name);

        Assert.Equal(new SubredditCheck(missing, false, false, null, null, $"r/{missing} does not exist, or Reddit has banned it."), await CheckAsync(channel, missing));
        Assert.Equal($"r/{secret.Name} is private or quarantined: this account cannot post there.", (await CheckAsync(channel, secret.Name)).Message);
        Assert.Equal($"r/{restricted.Name} only lets approved users post, and this account is not one of them.", (await CheckAsync(channel, restricted.Name)).Message);
        Assert.Equal($"This account is banned from r/{banning.Name}.", (await CheckAsync(channel, banning.Name)).Message);
        Assert.False((await CheckAsync(channel, "x")).Exists);
    }
}
