using Sosyabot.Core.Providers.Bluesky;
using Sosyabot.Core.Providers.Listmonk;
using Sosyabot.Core.Providers.Mastodon;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Providers.Publishing.Rules;
using Sosyabot.Core.Providers.Reddit;
using Sosyabot.Core.Providers.Telegram;
using Sosyabot.Core.Providers.X;
using Sosyabot.Core.Publishing.Validation;

namespace Sosyabot.Tests.Core.Publishing.Validation;

// Each message names the platform and says what to change.
public class PublishValidatorTests
{
    private static readonly Guid Channel = Guid.NewGuid();

    private static ContentToValidate Post(PublishingRules rules, string text, IReadOnlyList<ContentMedia>? media = null, Dictionary<string, string>? fields = null) =>
        Thread(rules, fields, new ContentPart(text, media ?? []));

    private static ContentToValidate Thread(PublishingRules rules, Dictionary<string, string>? fields, params ContentPart[] parts) =>
        new(Channel, rules.Platform, parts, fields ?? []);

    private static IReadOnlyList<string> Messages(ContentToValidate content, PublishingRules rules, int? limit = null) =>
        PublishValidator.Validate(content, rules, limit).Select(p => p.Message).ToList();

    private static ContentMedia Image(long length = 100_000, string type = ContentTypes.Jpeg, string? alt = null) =>
        new(MediaKind.Image, type, length, 800, 600, alt);

    private static ContentMedia Video(long length = 1_000_000) => new(MediaKind.Video, ContentTypes.Mp4, length, 1280, 720);

    [Fact]
    public void A_post_within_every_limit_has_no_problems()
    {
        Assert.Empty(Messages(Post(XRules.Rules, "Hello 👋 https://example.com", [Image(), Image()]), XRules.Rules));
        Assert.Empty(Messages(Post(BlueskyRules.Rules, "Merhaba dünya", [Image(999_999)]), BlueskyRules.Rules));
    }

    [Fact]
    public void X_says_how_many_weighted_characters_there_are()
    {
        var problem = Assert.Single(PublishValidator.Validate(Post(XRules.Rules, new string('a', 290) + " 日本語ですね"), XRules.Rules));

        Assert.Equal("X: 303 of 280 characters.", problem.Message);
        Assert.Equal((Channel, "x", 0, "text"), (problem.ChannelId, problem.Platform, problem.PartIndex, problem.Field));
    }

    [Fact]
    public void X_refuses_mixed_media_and_a_fifth_image()
    {
        Assert.Equal(["X: images and videos cannot be in the same post; keep one kind."], Messages(Post(XRules.Rules, "a", [Image(), Video()]), XRules.Rules));
        Assert.Equal(["X: at most 4 attachments; this post has 5.", "X: at most 4 images; this post has 5."],
            Messages(Post(XRules.Rules, "a", [Image(), Image(), Image(), Image(), Image()]), XRules.Rules));
    }

    [Fact]
    public void A_thread_part_names_its_number()
    {
        var content = Thread(XRules.Rules, null, new ContentPart("fine", []), new ContentPart(new string('b', 300), []));

        var problem = Assert.Single(PublishValidator.Validate(content, XRules.Rules));

        Assert.Equal("X, part 2: 300 of 280 characters.", problem.Message);
        Assert.Equal(1, problem.PartIndex);
    }

    [Fact]
    public void Bluesky_names_the_image_that_is_too_big()
    {
        var content = Post(BlueskyRules.Rules, "pics", [Image(), Image(1_887_437)]);

        var problem = Assert.Single(PublishValidator.Validate(content, BlueskyRules.Rules));

        Assert.Equal("Bluesky: image 2 is 1.8 MB, the limit is 1 MB.", problem.Message);
        Assert.Equal("media[1]", problem.Field);
    }

    [Fact]
    public void Bluesky_counts_graphemes_and_bytes_separately()
    {
        Assert.Equal(["Bluesky: 301 of 300 characters."], Messages(Post(BlueskyRules.Rules, new string('é', 301)), BlueskyRules.Rules));
        Assert.Equal(["Bluesky: the text takes 5,000 of 3,000 bytes (emoji and accented letters take several); shorten it."],
            Messages(Post(BlueskyRules.Rules, string.Concat(Enumerable.Repeat("👨‍👩‍👧‍👦", 200))), BlueskyRules.Rules));
    }

    [Fact]
    public void Alt_text_and_content_types_are_checked_per_item()
    {
        var content = Post(XRules.Rules, "a", [Image(alt: new string('d', 1001)), Image(type: "image/bmp")]);

        Assert.Equal(["X: the description of image 1 has 1,001 of 1,000 characters.", "X: image 2 is image/bmp; use JPEG, PNG or WebP."],
            Messages(content, XRules.Rules));
    }

    [Fact]
    public void Mastodon_uses_the_server_limit_and_counts_the_content_warning()
    {
        var text = new string('m', 480);
        var fields = new Dictionary<string, string> { ["spoiler_text"] = new string('w', 30) };

        Assert.Equal(["Mastodon: 510 of 500 characters."], Messages(Post(MastodonRules.Rules, text, fields: fields), MastodonRules.Rules));
        Assert.Empty(Messages(Post(MastodonRules.Rules, text, fields: fields), MastodonRules.Rules, limit: 1000));
        Assert.Equal(["Mastodon: visibility must be public, unlisted, private or direct, not \"friends\"."],
            Messages(Post(MastodonRules.Rules, "hi", fields: new() { ["visibility"] = "friends" }), MastodonRules.Rules));
    }

    [Fact]
    public void Telegram_declares_its_silent_switch_and_takes_only_true_or_false()
    {
        Assert.Contains(TelegramRules.Rules.Fields, f => f.Name == "silent" && !f.Required);
        Assert.Empty(Messages(Post(TelegramRules.Rules, "hi", fields: new() { ["silent"] = "true" }), TelegramRules.Rules));
        Assert.Equal(["Telegram: send silently must be true or false, not \"loud\"."],
            Messages(Post(TelegramRules.Rules, "hi", fields: new() { ["silent"] = "loud" }), TelegramRules.Rules));
    }

    [Fact]
    public void Telegram_counts_a_caption_against_1024_utf16_units_and_sends_threads_as_replies()
    {
        var caption = string.Concat(Enumerable.Repeat("😀", 513));

        Assert.Equal(["Telegram: 1,026 of 1,024 characters in a caption."], Messages(Post(TelegramRules.Rules, caption, [Image()]), TelegramRules.Rules));
        Assert.Empty(Messages(Post(TelegramRules.Rules, caption), TelegramRules.Rules));
        Assert.Empty(Messages(Thread(TelegramRules.Rules, null, new ContentPart("one", []), new ContentPart("two", [])), TelegramRules.Rules));
    }

    [Fact]
    public void A_platform_without_threads_refuses_a_second_part()
    {
        Assert.Equal(["Listmonk: threads are not supported; keep one part, or post the others separately."],
            Messages(Thread(ListmonkRules.Rules, new() { ["subject"] = "News" }, new ContentPart("one", []), new ContentPart("two", [])), ListmonkRules.Rules));
    }

    [Fact]
    public void Reddit_requires_a_title_and_a_well_formed_subreddit()
    {
        Assert.Equal(["Reddit: a subreddit is required.", "Reddit: a title is required."], Messages(Post(RedditRules.Rules, "body"), RedditRules.Rules));

        var fields = new Dictionary<string, string> { ["subreddit"] = "r/no spaces", ["title"] = new string('t', 301) };
        Assert.Equal(
            ["Reddit: \"r/no spaces\" is not a valid subreddit (2 to 21 letters, digits or underscores, like pics or r/pics).", "Reddit: the title has 301 of 300 characters."],
            Messages(Post(RedditRules.Rules, "", fields: fields), RedditRules.Rules));
        Assert.Equal(["Reddit: 40,001 of 40,000 characters."],
            Messages(Post(RedditRules.Rules, new string('x', 40_001), fields: new() { ["subreddit"] = "dotnet", ["title"] = "Hi" }), RedditRules.Rules));
    }

    [Fact]
    public void Listmonk_requires_a_subject_and_takes_no_video()
    {
        Assert.Equal(["Listmonk: a subject is required.", "Listmonk: videos are not supported; remove the video."],
            Messages(Post(ListmonkRules.Rules, "<p>news</p>", [Video()]), ListmonkRules.Rules));
        Assert.Empty(Messages(Post(ListmonkRules.Rules, new string('n', 100_000), fields: new() { ["subject"] = "News" }), ListmonkRules.Rules));
    }

    [Fact]
    public void An_empty_part_is_reported()
    {
        Assert.Equal(["X: this part is empty; add text or media."], Messages(Post(XRules.Rules, "  "), XRules.Rules));
    }
}
