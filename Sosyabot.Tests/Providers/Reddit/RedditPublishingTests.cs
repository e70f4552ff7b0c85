using Sosyabot.Core.Providers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Providers.Reddit;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.Reddit;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.Reddit;

public class RedditPublishingTests(EmulatedAppFixture fixture) : IClassFixture<EmulatedAppFixture>
{
    private const string SubmitPath = "/reddit-oauth/api/submit";
    private RedditEmulator Reddit => fixture.Emulator.Platform<RedditEmulator>();
    private IServiceProvider Services => fixture.Factory.Services;

    private Task<(ChannelContext Channel, RedditAccount Account)> ConnectAsync() => RedditChannels.ConnectAsync(fixture);

    private EmulatedSubreddit NewSubreddit(string type = "public", string submissionType = "any") =>
        Reddit.CreateSubreddit($"s{Guid.NewGuid():N}"[..16], type, submissionType);

    private static JsonObject Fields(string subreddit, string title, string? kind = null, string? flair = null)
    {
        var fields = new JsonObject { ["subreddit"] = subreddit, ["title"] = title };
        if (kind is not null) fields["kind"] = kind;
        if (flair is not null) fields["flair_id"] = flair;
        return fields;
    }

    private IEnumerable<EmulatedRedditPost> PostsIn(EmulatedSubreddit subreddit) => Reddit.Posts.Where(p => p.Subreddit == subreddit.Name);

    [Fact]
    public async Task A_text_post_is_submitted_as_json_with_its_title_flair_and_the_user_agent()
    {
        var (channel, account) = await ConnectAsync();
        var sr = NewSubreddit();

        var result = await Publishers.PublishAsync(Services, Publishers.Request(channel, "Body & more", fields: Fields($"r/{sr.Name}", " Hello Reddit ", flair: "flair-1")));

        var published = Assert.IsType<PublishedPost>(result);
        var post = Assert.Single(PostsIn(sr));
        Assert.Equal(post.Name, published.PlatformPostId);
        Assert.StartsWith("t3_", published.PlatformPostId);
        Assert.Equal($"https://www.reddit.com{post.Permalink}", published.Url);
        Assert.Equal(("self", "Hello Reddit", "Body & more", "flair-1", account.Name), (post.Kind, post.Title, post.Text, post.FlairId, post.Author));
        var sent = fixture.Emulator.RequestsTo("POST", SubmitPath).Last(r => r.Body.Contains(sr.Name));
        var form = QueryHelpers.ParseQuery(sent.Body);
        Assert.Equal(("json", "true", sr.Name), (form["api_type"].ToString(), form["resubmit"].ToString(), form["sr"].ToString()));
        Assert.Equal(RedditEmulator.UserAgent, sent.Header("User-Agent"));
        Assert.Equal($"bearer {channel.AccessToken}", sent.Header("Authorization"));
    }

    [Fact]
    public async Task A_link_post_carries_the_address_from_the_text()
    {
        var (channel, _) = await ConnectAsync();
        var sr = NewSubreddit(submissionType: "link");

        var result = await Publishers.PublishAsync(Services, Publishers.Request(channel, " https://example.com/a?b=1 ", fields: Fields(sr.Name, "A link", kind: "link")));

        var post = Assert.Single(PostsIn(sr));
        Assert.Equal(post.Name, Assert.IsType<PublishedPost>(result).PlatformPostId);
        Assert.Equal(("link", "https://example.com/a?b=1"), (post.Kind, post.Url));
    }

    [Fact]
    public async Task An_image_post_goes_through_the_media_lease_and_is_found_on_the_account_once_reddit_has_it()
    {
        var (channel, _) = await ConnectAsync();
        var sr = NewSubreddit();
        var request = Publishers.Request(channel, "", [Publishers.Image("one pixel")], Fields(sr.Name, "A pixel"));

        var pending = Assert.IsType<PendingPublish>(await Publishers.PublishAsync(Services, request));
        var published = Assert.IsType<PublishedPost>(await Publishers.CheckAsync(Services, request, pending));

        var post = Assert.Single(PostsIn(sr));
        Assert.Equal(("image", post.Name), (post.Kind, published.PlatformPostId));
        Assert.StartsWith(RedditEmulator.MediaBucket + "/rte_images/", post.Url);
        Assert.Equal(Publishers.Png, Reddit.Uploads[post.Url![(RedditEmulator.MediaBucket.Length + 1)..]]);
        var lease = QueryHelpers.ParseQuery(fixture.Emulator.RequestsTo("POST", "/reddit-oauth/api/media/asset.json").Last().Body);
        Assert.Equal(("image.png", "image/png"), (lease["filepath"].ToString(), lease["mimetype"].ToString()));
    }

    [Fact]
    public async Task An_image_post_still_processing_stays_pending_and_turns_unknown_after_fifteen_minutes()
    {
        var (channel, _) = await ConnectAsync();
        var sr = NewSubreddit();
        var request = Publishers.Request(channel, "", [Publishers.Image(null)], Fields(sr.Name, "Slow pixel"));
        Reddit.HoldImagePosts = true;
        try
        {
            var pending = Assert.IsType<PendingPublish>(await Publishers.PublishAsync(Services, request));
            await using var scope = Services.CreateAsyncScope();
            RedditProvider Later(TimeSpan after) => new(TestApis.Factory(scope.ServiceProvider.GetRequiredService<IHttpClientFactory>()),
                scope.ServiceProvider.GetRequiredService<IOptions<RedditOptions>>(), new FixedTimeProvider(DateTimeOffset.UtcNow + after));

            var again = await Later(TimeSpan.FromMinutes(1)).CheckAsync(request, pending, default);
            var error = await Assert.ThrowsAsync<ProviderException>(() => Later(TimeSpan.FromMinutes(16)).CheckAsync(request, pending, default));
            Reddit.FinishImageProcessing();
            var done = await Later(TimeSpan.FromMinutes(1)).CheckAsync(request, pending, default);

            Assert.Equal(pending, again);
            Assert.Equal(ProviderErrorKind.Unknown, error.Kind);
            Assert.Equal(Assert.Single(PostsIn(sr)).Name, Assert.IsType<PublishedPost>(done).PlatformPostId);
        }
        finally
        {
            Reddit.HoldImagePosts = false;
        }
    }

    [Fact]
    public async Task An_image_over_the_bucket_limit_is_refused_with_the_storage_message_and_nothing_is_posted()
    {
        var (channel, _) = await ConnectAsync();
        var sr = NewSubreddit();
        Reddit.MaxUploadBytes = 10;
        try
        {
            var error = await Assert.ThrowsAsync<ProviderException>(() =>
                Publishers.PublishAsync(Services, Publishers.Request(channel, "", [Publishers.Image(null)], Fields(sr.Name, "Too big"))));

            Assert.Equal(ProviderErrorKind.Rejected, error.Kind);
            Assert.Equal("Reddit's media storage refused the image: Your proposed upload exceeds the maximum allowed size (EntityTooLarge).", error.Message);
            Assert.Empty(PostsIn(sr));
        }
        finally
        {
            Reddit.MaxUploadBytes = 20 * 1024 * 1024;
        }
    }

    [Fact]
    public async Task The_media_bucket_refuses_an_upload_whose_signed_fields_were_changed()
    {
        using var http = new HttpClient();
        var token = Reddit.Issued.Count > 0 ? Reddit.Issued[^1].AccessToken : (await ConnectAsync()).Channel.AccessToken!;
        using var leaseRequest = new HttpRequestMessage(HttpMethod.Post, fixture.Emulator.Url("reddit-oauth/api/media/asset.json"))
        {
            Content = new FormUrlEncodedContent([new("filepath", "a.png"), new("mimetype", "image/png")]),
        };
        leaseRequest.Headers.TryAddWithoutValidation("Authorization", $"bearer {token}");
        leaseRequest.Headers.TryAddWithoutValidation("User-Agent", RedditEmulator.UserAgent);
        var lease = JsonNode.Parse(await (await http.SendAsync(leaseRequest)).Content.ReadAsStringAsync())!;
        var form = new MultipartFormDataContent();
        foreach (var field in lease["args"]!["fields"]!.AsArray())
            form.Add(new StringContent(field!["name"]!.GetValue<string>() == "policy" ? "tampered" : field["value"]!.GetValue<string>()), field["name"]!.GetValue<string>());
        form.Add(new ByteArrayContent(Publishers.Png), "file", "a.png");

        using var answer = await http.PostAsync(fixture.Emulator.Url("reddit-s3/"), form);

        Assert.Equal(403, (int)answer.StatusCode);
        Assert.Contains("<Code>AccessDenied</Code>", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Refusals_inside_a_200_name_what_to_change_in_reddits_words()
    {
        var (channel, _) = await ConnectAsync();
        var linksOnly = NewSubreddit(submissionType: "link");

        var missing = await Assert.ThrowsAsync<ProviderException>(() =>
            Publishers.PublishAsync(Services, Publishers.Request(channel, "text", fields: Fields("nosuchsubredditxx", "Title"))));
        var noSelfs = await Assert.ThrowsAsync<ProviderException>(() =>
            Publishers.PublishAsync(Services, Publishers.Request(channel, "text", fields: Fields(linksOnly.Name, "Title"))));

        Assert.Equal((ProviderErrorKind.Rejected, 200), (missing.Kind, missing.StatusCode));
        Assert.Equal("Reddit refused the post: check the subreddit: that subreddit doesn't exist. (SUBREDDIT_NOEXIST)", missing.Message);
        Assert.Equal(ProviderErrorKind.Rejected, noSelfs.Kind);
        Assert.Equal("Reddit refused the post: this subreddit takes no text posts (This community doesn't allow text posts.); post a link or an image instead. (NO_SELFS)", noSelfs.Message);
        Assert.Empty(PostsIn(linksOnly));
    }

    [Fact]
    public async Task A_revoked_token_is_an_auth_failure()
    {
        var (channel, _) = await ConnectAsync();
        Reddit.Revoke(channel.AccessToken!);

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            Publishers.PublishAsync(Services, Publishers.Request(channel, "text", fields: Fields(NewSubreddit().Name, "Title"))));

        Assert.Equal((ProviderErrorKind.Auth, 401), (error.Kind, error.StatusCode));
    }

    [Fact]
    public async Task Ratelimit_inside_a_200_waits_the_minutes_reddit_names()
    {
        var (channel, _) = await ConnectAsync();
        var sr = NewSubreddit();
        fixture.Emulator.Inject("POST", SubmitPath,
            new Fault(200, """{"json": {"errors": [["RATELIMIT", "you are doing that too much. try again in 5 minutes.", "ratelimit"]]}}"""));

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            Publishers.PublishAsync(Services, Publishers.Request(channel, "text", fields: Fields(sr.Name, "Title"))));

        Assert.Equal((ProviderErrorKind.RateLimited, TimeSpan.FromMinutes(5)), (error.Kind, error.RetryAfter));
        Assert.Empty(PostsIn(sr));
    }

    [Fact]
    public async Task A_submit_applied_then_answered_500_is_unknown_and_the_resolver_finds_the_one_post()
    {
        var (channel, _) = await ConnectAsync();
        var sr = NewSubreddit();
        var request = Publishers.Request(channel, "text", fields: Fields(sr.Name, "Maybe posted"));
        fixture.Emulator.Inject("POST", SubmitPath, Fault.AppliedThenUnavailable);
        var startedAt = DateTimeOffset.UtcNow;

        var error = await Assert.ThrowsAsync<ProviderException>(() => Publishers.PublishAsync(Services, request));
        var found = await Publishers.FindAsync(Services, request, startedAt);

        Assert.Equal(ProviderErrorKind.Unknown, error.Kind);
        var post = Assert.Single(PostsIn(sr));
        Assert.Equal(post.Name, found?.PlatformPostId);
        Assert.Equal($"https://www.reddit.com{post.Permalink}", found!.Url);
    }

    [Fact]
    public async Task A_submit_that_failed_before_reddit_applied_it_is_proven_absent()
    {
        var (channel, _) = await ConnectAsync();
        var sr = NewSubreddit();
        var request = Publishers.Request(channel, "text", fields: Fields(sr.Name, "Never posted"));
        fixture.Emulator.Inject("POST", SubmitPath, Fault.Unavailable);
        var startedAt = DateTimeOffset.UtcNow;

        var error = await Assert.ThrowsAsync<ProviderException>(() => Publishers.PublishAsync(Services, request));

        Assert.Equal(ProviderErrorKind.Unknown, error.Kind);
        Assert.Null(await Publishers.FindAsync(Services, request, startedAt));
        Assert.Empty(PostsIn(sr));
    }

    [Fact]
    public async Task The_resolver_ignores_the_same_title_in_another_subreddit()
    {
        var (channel, _) = await ConnectAsync();
        var other = NewSubreddit();
        var target = NewSubreddit();
        var startedAt = DateTimeOffset.UtcNow;
        await Publishers.PublishAsync(Services, Publishers.Request(channel, "text", fields: Fields(other.Name, "Same title")));

        Assert.Null(await Publishers.FindAsync(Services, Publishers.Request(channel, "text", fields: Fields(target.Name, "Same title")), startedAt));
    }

    [Fact]
    public async Task A_full_page_of_newer_posts_is_not_taken_as_proof_of_absence()
    {
        var (channel, _) = await ConnectAsync();
        var busy = NewSubreddit();
        var startedAt = DateTimeOffset.UtcNow;
        for (var i = 0; i < RedditDefaults.SubmittedPageSize; i++)
            await Publishers.PublishAsync(Services, Publishers.Request(channel, "text", fields: Fields(busy.Name, $"Post {i}")));

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            Publishers.FindAsync(Services, Publishers.Request(channel, "text", fields: Fields(NewSubreddit().Name, "Lost")), startedAt));

        Assert.Equal(ProviderErrorKind.Transient, error.Kind);
    }

    [Theory]
    [InlineData(2, "title", null, "Reddit: threads are not supported; keep one part, or post the others separately.")]
    [InlineData(1, "", null, "Reddit: a title is required.")]
    [InlineData(1, "title", "video", "Reddit has no post kind “video”. Use self (text), link or image.")]
    [InlineData(1, "title", "link", "A Reddit link post needs a web address starting with http:// or https://.")]
    public async Task What_reddit_would_refuse_is_refused_before_anything_is_sent(int parts, string title, string? kind, string message)
    {
        var (channel, _) = await ConnectAsync();
        var sr = NewSubreddit();
        var before = fixture.Emulator.RequestsTo("POST", SubmitPath).Count();

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            Publishers.PublishAsync(Services, Publishers.Request(channel, "not a url", fields: Fields(sr.Name, title, kind), count: parts)));

        Assert.Equal((ProviderErrorKind.Rejected, message), (error.Kind, error.Message));
        Assert.Equal(before, fixture.Emulator.RequestsTo("POST", SubmitPath).Count());
    }

    [Fact]
    public async Task A_title_over_300_characters_is_refused_with_the_count()
    {
        var (channel, _) = await ConnectAsync();

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            Publishers.PublishAsync(Services, Publishers.Request(channel, "text", fields: Fields(NewSubreddit().Name, new string('é', 301)))));

        Assert.Equal("Reddit: the title has 301 of 300 characters.", error.Message);
    }
}
