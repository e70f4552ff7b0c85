using System.Text.Json.Nodes;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Providers.Reddit;
using Sosyabot.Core.Providers.X;
using Sosyabot.Core.Publishing.Validation;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Publishing.Validation;

// The publisher's last check reads a PublishRequest as the validator reads a post: the one part it
// sends, at its place in the thread, with its platform fields and media.
public class PublishRequestValidationTests
{
    private static ChannelContext Channel(string platform) =>
        new(Guid.NewGuid(), platform, "pid", "name", LoginType.OAuth, [], "token", null, null);

    [Fact]
    public void A_request_is_validated_as_its_part_of_the_thread()
    {
        var request = Publishers.Request(Channel(XDefaults.Key), new string('a', 281), [Publishers.Image("dot")], index: 1, count: 3);

        var content = ContentToValidate.From(request);
        var problem = Assert.Single(PublishValidator.Validate(content, XRules.Rules));

        Assert.Equal((1, 3), (content.FirstPart, content.PartCount));
        Assert.Equal((request.Channel.ChannelId, 1, ValidationFields.Text, "X, part 2: 281 of 280 characters."),
            (problem.ChannelId, problem.PartIndex, problem.Field, problem.Message));
        Assert.Equal(new ContentMedia(MediaKind.Image, "image/png", Publishers.Png.Length, 2, 2, "dot"), Assert.Single(Assert.Single(content.Parts).Media));
    }

    [Fact]
    public void Platform_fields_are_read_as_text_and_json_nulls_are_left_out()
    {
        var fields = new JsonObject { ["subreddit"] = "r/dotnet", ["title"] = "Hi", ["nsfw"] = false, ["flair_id"] = null };

        var content = ContentToValidate.From(Publishers.Request(Channel(RedditDefaults.Key), "body", fields: fields));

        Assert.Equal(new Dictionary<string, string> { ["subreddit"] = "r/dotnet", ["title"] = "Hi", ["nsfw"] = "false" }, content.Fields);
        Assert.Empty(PublishValidator.Validate(content, RedditRules.Rules));
    }

    [Fact]
    public void Ensure_valid_refuses_with_every_problem_in_the_validators_words()
    {
        var request = Publishers.Request(Channel(RedditDefaults.Key), "body", [Publishers.Mp4(1000)], new JsonObject { ["subreddit"] = "no spaces" }, count: 2);

        var error = Assert.Throws<ProviderException>(() => request.EnsureValid(RedditRules.Rules));

        Assert.Equal(ProviderErrorKind.Rejected, error.Kind);
        Assert.Equal("Reddit: threads are not supported; keep one part, or post the others separately. "
            + "Reddit: \"no spaces\" is not a valid subreddit (2 to 21 letters, digits or underscores, like pics or r/pics). "
            + "Reddit: a title is required. Reddit, part 1: videos are not supported; remove the video.", error.Message);
    }
}
