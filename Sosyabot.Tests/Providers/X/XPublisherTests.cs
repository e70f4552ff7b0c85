using System.Text.Json;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Providers.X;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.X;
using Sosyabot.Tests.TestSupport;
using static Sosyabot.Tests.Providers.X.XPublishing;
using static Sosyabot.Tests.TestSupport.Publishers;

namespace Sosyabot.Tests.Providers.X;

// Text, threads, X's refusals and the Unknown read-back, through the capabilities the engine finds in
// the registry, against the emulator's POST /2/tweets and GET /2/users/{id}/tweets.
public class XPublisherTests(EmulatedAppFixture fixture) : IClassFixture<EmulatedAppFixture>
{
    private readonly XPublishing _x = new(fixture);

    private IServiceProvider Services => fixture.Factory.Services;

    // Refused: Rejected, and nothing new on the account.
    private async Task<ProviderException> RefusedAsync(XAccount account, PublishRequest request)
    {
        var before = _x.X.TweetsOf(account).Count;
        var refused = await Assert.ThrowsAsync<ProviderException>(() => PublishAsync(Services, request));
        Assert.Equal(ProviderErrorKind.Rejected, refused.Kind);
        Assert.Equal(before, _x.X.TweetsOf(account).Count);
        return refused;
    }

    // A publish the fault leaves Unknown, then the resolver asked about it, as the engine will.
    private async Task<PublishedPost?> UnknownThenResolvedAsync(PublishRequest request, Fault fault)
    {
        fixture.Emulator.Inject("POST", TweetsPath, fault);
        var started = DateTimeOffset.UtcNow;
        var unknown = await Assert.ThrowsAsync<ProviderException>(() => PublishAsync(Services, request));
        Assert.Equal(ProviderErrorKind.Unknown, unknown.Kind);
        return await FindAsync(Services, request, started);
    }

    [Fact]
    public async Task A_text_post_is_created_once_with_the_user_token_and_named_by_its_url()
    {
        var (account, channel) = await _x.ConnectAsync();
        var text = Unique("Hello from Sosyabot");
        var mark = _x.Mark();

        var published = Assert.IsType<PublishedPost>(await PublishAsync(Services, Request(channel, text)));

        var tweet = Assert.Single(_x.X.TweetsOf(account));
        Assert.Equal(tweet.Id, published.PlatformPostId);
        Assert.Equal($"https://x.com/{account.Username}/status/{tweet.Id}", published.Url);
        Assert.Equal(text, tweet.SentText);
        Assert.Null(tweet.ReplyTo);
        var sent = Assert.Single(_x.RequestsSince(mark, "POST", TweetsPath));
        Assert.Equal($"Bearer {channel.AccessToken}", sent.Header("Authorization"));
        Assert.Equal(JsonSerializer.Serialize(new { text }), sent.Body);
    }

    [Fact]
    public async Task A_three_part_thread_is_a_chain_of_replies_each_to_the_part_before()
    {
        var (account, channel) = await _x.ConnectAsync();
        var texts = new[] { Unique("1/3 A thread"), Unique("2/3 goes on"), Unique("3/3 and ends") };

        PublishedPost? parent = null;
        var parts = new List<PublishedPost>();
        for (var i = 0; i < texts.Length; i++)
        {
            parent = Assert.IsType<PublishedPost>(await PublishAsync(Services, Request(channel, texts[i], index: i, count: texts.Length, parent: parent)));
            parts.Add(parent);
        }

        var tweets = _x.X.TweetsOf(account);
        Assert.Equal(texts, tweets.Select(t => t.SentText));
        Assert.Equal(parts.Select(p => p.PlatformPostId), tweets.Select(t => t.Id));
        Assert.Equal([null, parts[0].PlatformPostId, parts[1].PlatformPostId], tweets.Select(t => t.ReplyTo));
        Assert.All(tweets, t => Assert.Equal(parts[0].PlatformPostId, t.ConversationId));
    }

    [Fact]
    public async Task The_same_text_twice_is_refused_as_a_duplicate_in_plain_words()
    {
        var (account, channel) = await _x.ConnectAsync();
        var text = Unique("Said once");
        await PublishAsync(Services, Request(channel, text));

        var refused = await RefusedAsync(account, Request(channel, text));

        Assert.Equal(403, refused.StatusCode);
        Assert.StartsWith("X refused the post because this account already posted the same text", refused.Message);
        Assert.Contains("You are not allowed to create a Tweet with duplicate content.", refused.Message);
    }

    [Fact]
    public async Task Text_over_the_limit_is_refused_by_x_s_rules_before_anything_is_sent()
    {
        var (account, channel) = await _x.ConnectAsync();
        var mark = _x.Mark();

        var refused = await RefusedAsync(account, Request(channel, new string('a', 281)));

        Assert.Equal("X: 281 of 280 characters.", refused.Message);
        Assert.Empty(_x.RequestsSince(mark, "POST", TweetsPath));
    }

    [Fact]
    public async Task A_reply_to_a_post_that_does_not_exist_is_refused()
    {
        var (account, channel) = await _x.ConnectAsync();

        var refused = await RefusedAsync(account, Request(channel, Unique("orphan"), index: 1, count: 2, parent: new PublishedPost("1", null)));

        Assert.Contains("You attempted to reply to a Tweet that is deleted or not visible to you.", refused.Message);
    }

    [Fact]
    public async Task A_post_applied_but_answered_with_500_is_unknown_then_found_by_the_resolver_and_exists_once()
    {
        var (account, channel) = await _x.ConnectAsync();
        // X answers with t.co links and HTML entities: the read-back must still recognise it.
        var found = await UnknownThenResolvedAsync(Request(channel, Unique("Notes & <links>: https://example.com/a?b=1 and example.org")), Fault.AppliedThenUnavailable);

        var tweet = Assert.Single(_x.X.TweetsOf(account));
        Assert.NotEqual(tweet.SentText, tweet.ShownText);
        Assert.Equal(new PublishedPost(tweet.Id, $"https://x.com/{account.Username}/status/{tweet.Id}"), found);
    }

    [Fact]
    public async Task An_unknown_reply_is_found_under_its_parent_and_not_confused_with_the_same_text_elsewhere()
    {
        var (account, channel) = await _x.ConnectAsync();
        var root = (PublishedPost)await PublishAsync(Services, Request(channel, Unique("root")));
        var reply = Request(channel, Unique("the reply"), index: 1, count: 2, parent: root);
        var started = DateTimeOffset.UtcNow;
        fixture.Emulator.Inject("POST", TweetsPath, Fault.AppliedThenReset);

        Assert.Equal(ProviderErrorKind.Unknown, (await Assert.ThrowsAsync<ProviderException>(() => PublishAsync(Services, reply))).Kind);

        var found = await FindAsync(Services, reply, started);
        Assert.Equal(_x.X.TweetsOf(account).Single(t => t.ReplyTo == root.PlatformPostId).Id, found?.PlatformPostId);
        Assert.Null(await FindAsync(Services, reply with { Parent = new PublishedPost("42", null) }, started));
        Assert.Equal(2, _x.X.TweetsOf(account).Count);
    }

    [Fact]
    public async Task A_post_that_never_reached_x_is_unknown_and_the_resolver_proves_it_absent()
    {
        var (account, channel) = await _x.ConnectAsync();
        var found = await UnknownThenResolvedAsync(Request(channel, Unique("Lost on the way")), Fault.Reset);

        Assert.Null(found);
        Assert.Empty(_x.X.TweetsOf(account));
    }

    [Fact]
    public async Task The_resolver_pages_through_everything_the_account_posted_since_the_attempt()
    {
        var (account, channel) = await _x.ConnectAsync();
        var request = Request(channel, Unique("Buried under a busy hour"));
        // An answer that never comes: X posted it, the call ends with an empty 200 body.
        fixture.Emulator.Inject("POST", TweetsPath, Fault.AppliedThenSilent(TimeSpan.FromMilliseconds(200)));
        var started = DateTimeOffset.UtcNow;
        Assert.Equal(ProviderErrorKind.Unknown, (await Assert.ThrowsAsync<ProviderException>(() => PublishAsync(Services, request))).Kind);
        for (var i = 0; i < 150; i++) _x.X.PostAs(account, $"elsewhere {i}");
        var mark = _x.Mark();

        var found = await FindAsync(Services, request, started);

        Assert.Equal(_x.X.TweetsOf(account)[0].Id, found?.PlatformPostId);
        Assert.Equal(2, _x.RequestsSince(mark, "GET", $"/x-api/2/users/{account.Id}/tweets").Count);
    }

    [Fact]
    public async Task A_rate_limited_post_says_when_to_try_again_and_creates_nothing()
    {
        var (account, channel) = await _x.ConnectAsync();
        fixture.Emulator.Inject("POST", TweetsPath,
            new Fault(429, """{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}""", "120", ContentType: "application/problem+json"));

        var limited = await Assert.ThrowsAsync<ProviderException>(() => PublishAsync(Services, Request(channel, Unique("Too soon"))));

        Assert.Equal(ProviderErrorKind.RateLimited, limited.Kind);
        Assert.InRange(limited.RetryAfter!.Value, TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(121));
        Assert.Empty(_x.X.TweetsOf(account));
    }

    [Fact]
    public async Task A_browser_session_channel_is_refused_with_a_clear_message_before_anything_is_sent()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var account = _x.X.CreateAccount($"u{Guid.NewGuid():N}"[..12]);
        var cookies = _x.X.CreateWebSession(account);
        var saved = await CredentialChannels.ConnectAsync(fixture.Factory.Services, user, XDefaults.Key,
            new Dictionary<string, string> { ["auth_token"] = cookies.AuthToken, ["ct0"] = cookies.Ct0 });
        var channel = await ContextAsync(Services, saved.Id);
        var mark = _x.Mark();

        var refused = await RefusedAsync(account, Request(channel, Unique("cookie post")));

        Assert.Equal("Posting with a browser session is not supported yet; reconnect X with Sign in with X.", refused.Message);
        Assert.Equal(mark, _x.Mark());
    }
}
