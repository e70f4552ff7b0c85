using System.Text;
using System.Text.Json.Nodes;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Bluesky;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.Bluesky;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.Bluesky;

public class BlueskyPublishTests(EmulatedAppFixture fixture) : IClassFixture<EmulatedAppFixture>
{
    private const string CreateRecord = "/bsky/xrpc/com.atproto.repo.createRecord";
    private const string UploadBlob = "/bsky/xrpc/com.atproto.repo.uploadBlob";

    private BlueskyPds Pds => fixture.Emulator.Platform<BlueskyEmulator>().Main;
    private IServiceProvider Services => fixture.Factory.Services;

    private async Task<(BlueskyAccount Account, ChannelContext Channel)> ConnectedAsync(TimeSpan? accessLifetime = null)
    {
        var user = await TestUsers.CreateAsync(Services);
        var account = Pds.CreateAccount(displayName: "Publisher", accessLifetime: accessLifetime);
        var channel = await CredentialChannels.ConnectAsync(Services, user, BlueskyDefaults.Key,
            new Dictionary<string, string> { ["identifier"] = account.Handle, ["app_password"] = account.AppPassword });
        return (account, await Publishers.ContextAsync(Services, channel.Id));
    }

    private static int Bytes(string text, string upTo) => Encoding.UTF8.GetByteCount(text[..text.IndexOf(upTo, StringComparison.Ordinal)]);

    [Fact]
    public async Task A_text_post_is_one_record_under_the_parts_key_with_link_mention_and_tag_facets()
    {
        var (account, channel) = await ConnectedAsync();
        Pds.KnowHandle("friend.example.com", "did:plc:friendfriendfriend");
        var text = "Grüße 👋 @friend.example.com, read https://example.com/a?b=c. #Sosyabot! @nobody.example.org";
        var request = Publishers.Request(channel, text, fields: new JsonObject { ["language"] = "de" });

        var post = Assert.IsType<PublishedPost>(await Publishers.PublishAsync(Services, request));

        var record = Assert.Single(Pds.PostsOf(account));
        var rkey = BlueskyTid.From(request.IdempotencyKey);
        Assert.Equal(rkey, record.Rkey);
        Assert.Equal(record.Uri, post.PlatformPostId);
        Assert.Equal(record.Cid, post.Ref);
        Assert.Equal($"https://bsky.app/profile/{account.Handle}/post/{rkey}", post.Url);
        Assert.Equal(text, record.Value["text"]!.ToString());
        Assert.Equal("de", record.Value["langs"]![0]!.ToString());
        var facets = record.Value["facets"]!.AsArray();
        Assert.Equal(3, facets.Count);
        AssertFacet(facets[0]!, Bytes(text, "@friend"), "@friend.example.com", "mention", "did", "did:plc:friendfriendfriend");
        AssertFacet(facets[1]!, Bytes(text, "https"), "https://example.com/a?b=c", "link", "uri", "https://example.com/a?b=c");
        AssertFacet(facets[2]!, Bytes(text, "#Sosyabot"), "#Sosyabot", "tag", "tag", "Sosyabot");
    }

    private static void AssertFacet(JsonNode facet, int byteStart, string covered, string kind, string property, string value)
    {
        Assert.Equal(byteStart, facet["index"]!["byteStart"]!.GetValue<int>());
        Assert.Equal(byteStart + Encoding.UTF8.GetByteCount(covered), facet["index"]!["byteEnd"]!.GetValue<int>());
        var feature = Assert.Single(facet["features"]!.AsArray())!;
        Assert.Equal($"app.bsky.richtext.facet#{kind}", feature["$type"]!.ToString());
        Assert.Equal(value, feature[property]!.ToString());
    }

    [Fact]
    public async Task A_three_part_thread_points_every_reply_at_the_root_and_its_parent()
    {
        var (account, channel) = await ConnectedAsync();

        var posts = await Publishers.ThreadAsync(Services, channel, "one", "two", "three");

        var records = posts.Select(p => Pds.PostsOf(account).Single(r => r.Uri == p.PlatformPostId)).ToList();
        Assert.Null(records[0].Value["reply"]);
        foreach (var (record, parent) in new[] { (records[1], posts[0]), (records[2], posts[1]) })
        {
            Assert.Equal(posts[0].PlatformPostId, record.Value["reply"]!["root"]!["uri"]!.ToString());
            Assert.Equal(posts[0].Ref, record.Value["reply"]!["root"]!["cid"]!.ToString());
            Assert.Equal(parent.PlatformPostId, record.Value["reply"]!["parent"]!["uri"]!.ToString());
            Assert.Equal(parent.Ref, record.Value["reply"]!["parent"]!["cid"]!.ToString());
        }
        Assert.Equal(3, Pds.PostsOf(account).Count);
    }

    [Fact]
    public async Task Images_are_uploaded_as_blobs_and_embedded_with_alt_text_and_aspect_ratio()
    {
        var (account, channel) = await ConnectedAsync();
        var request = Publishers.Request(channel, "pictures", [Publishers.Image("A red square"), Publishers.Image(null)]);

        Assert.IsType<PublishedPost>(await Publishers.PublishAsync(Services, request));

        var images = Assert.Single(Pds.PostsOf(account)).Value["embed"]!["images"]!.AsArray();
        Assert.Equal(["A red square", ""], images.Select(i => i!["alt"]!.ToString()));
        Assert.All(images, i => Assert.Equal(2, i!["aspectRatio"]!["width"]!.GetValue<int>()));
        var uploads = fixture.Emulator.RequestsTo("POST", UploadBlob).TakeLast(2).ToList();
        Assert.All(uploads, u => Assert.Equal("image/png", u.Header("Content-Type")));
        var blob = Pds.Blobs.Single(b => b.Cid == images[0]!["image"]!["ref"]!["$link"]!.ToString());
        Assert.Equal(Publishers.Png.Length, blob.Size);
    }

    [Fact]
    public async Task An_image_over_a_million_bytes_is_refused_before_anything_is_sent()
    {
        var (account, channel) = await ConnectedAsync();
        var uploads = fixture.Emulator.RequestsTo("POST", UploadBlob).Count();
        var big = Publishers.Image("big", new byte[1_887_437]);

        var error = await Assert.ThrowsAsync<ProviderException>(() => Publishers.PublishAsync(Services, Publishers.Request(channel, "big", [Publishers.Image("ok"), big])));

        Assert.Equal(ProviderErrorKind.Rejected, error.Kind);
        Assert.Equal("Bluesky: image 2 is 1.8 MB, the limit is 1 MB.", error.Message);
        Assert.Equal(uploads, fixture.Emulator.RequestsTo("POST", UploadBlob).Count());
        Assert.Empty(Pds.PostsOf(account));
    }

    [Fact]
    public async Task Text_over_300_graphemes_and_a_video_beside_an_image_are_refused_by_the_rules_before_anything_is_sent()
    {
        var (account, channel) = await ConnectedAsync();
        var creates = fixture.Emulator.RequestsTo("POST", CreateRecord).Count();
        var video = Publishers.Image("clip") with { Kind = MediaKind.Video, ContentType = "video/mp4", FileName = "clip.mp4" };

        var error = await Assert.ThrowsAsync<ProviderException>(() => Publishers.PublishAsync(Services,
            Publishers.Request(channel, string.Concat(Enumerable.Repeat("é", 301)), [Publishers.Image("still"), video], index: 1, count: 2)));

        Assert.Equal(ProviderErrorKind.Rejected, error.Kind);
        Assert.Equal("Bluesky, part 2: 301 of 300 characters. Bluesky, part 2: images and videos cannot be in the same post; keep one kind.", error.Message);
        Assert.Equal(creates, fixture.Emulator.RequestsTo("POST", CreateRecord).Count());
        Assert.Empty(Pds.PostsOf(account));
    }

    [Fact]
    public async Task An_expired_access_jwt_during_publish_is_an_auth_failure()
    {
        var (account, channel) = await ConnectedAsync(accessLifetime: TimeSpan.FromSeconds(1));
        await Task.Delay(TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<ProviderException>(() => Publishers.PublishAsync(Services, Publishers.Request(channel, "late")));

        Assert.Equal(ProviderErrorKind.Auth, error.Kind);
        Assert.Contains("Token has expired", error.Message);
        Assert.Empty(Pds.PostsOf(account));
    }

    [Fact]
    public async Task Writing_into_another_accounts_repo_is_refused()
    {
        var (account, channel) = await ConnectedAsync();
        var other = Pds.CreateAccount();

        var error = await Assert.ThrowsAsync<ProviderException>(() => Publishers.PublishAsync(Services, Publishers.Request(channel with { Pid = other.Did }, "not mine")));

        Assert.Equal(ProviderErrorKind.Auth, error.Kind);
        Assert.Empty(Pds.PostsOf(account));
        Assert.Empty(Pds.PostsOf(other));
    }

    [Fact]
    public async Task A_post_applied_but_unanswered_is_unknown_and_the_resolver_reads_it_back()
    {
        var (account, channel) = await ConnectedAsync();
        var request = Publishers.Request(channel, "applied");
        var startedAt = DateTimeOffset.UtcNow;
        fixture.Emulator.Inject("POST", CreateRecord, Fault.AppliedThenUnavailable);

        var error = await Assert.ThrowsAsync<ProviderException>(() => Publishers.PublishAsync(Services, request));
        Assert.Equal(ProviderErrorKind.Unknown, error.Kind);

        var found = await Publishers.FindAsync(Services, request, startedAt);
        var record = Assert.Single(Pds.PostsOf(account));
        Assert.Equal(record.Uri, found?.PlatformPostId);
        Assert.Equal(record.Cid, found?.Ref);
        Assert.Equal($"https://bsky.app/profile/{account.Handle}/post/{record.Rkey}", found?.Url);

        // Sent again anyway, the same record key cannot make a second post: the PDS refuses it.
        var again = await Assert.ThrowsAsync<ProviderException>(() => Publishers.PublishAsync(Services, request));
        Assert.Equal(ProviderErrorKind.Unknown, again.Kind);
        Assert.Single(Pds.PostsOf(account));
    }

    [Fact]
    public async Task A_post_that_never_arrived_is_proven_absent_and_publishing_again_makes_one()
    {
        var (account, channel) = await ConnectedAsync();
        var request = Publishers.Request(channel, "never arrived");
        var startedAt = DateTimeOffset.UtcNow;
        fixture.Emulator.Inject("POST", CreateRecord, Fault.Reset);

        var error = await Assert.ThrowsAsync<ProviderException>(() => Publishers.PublishAsync(Services, request));
        Assert.Equal(ProviderErrorKind.Unknown, error.Kind);

        Assert.Null(await Publishers.FindAsync(Services, request, startedAt));
        Assert.Empty(Pds.PostsOf(account));
        var post = Assert.IsType<PublishedPost>(await Publishers.PublishAsync(Services, request));
        Assert.Equal(Assert.Single(Pds.PostsOf(account)).Uri, post.PlatformPostId);
    }
}
