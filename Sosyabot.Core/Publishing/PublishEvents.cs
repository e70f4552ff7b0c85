using System.Text.Json.Nodes;
using Sosyabot.Core.Posts;

namespace Sosyabot.Core.Publishing;

// The payload of every post.* event: which post, which target on which channel, and how it ended.
public static class PublishEvents
{
    public static JsonObject Payload(PostTarget target, string? platformPostId = null, string? url = null, string? error = null, string? errorKind = null)
    {
        var payload = new JsonObject
        {
            ["post_id"] = target.PostId,
            ["target_id"] = target.Id,
            ["channel_id"] = target.ChannelId,
            ["platform"] = target.Platform,
        };
        if (platformPostId is not null) payload["platform_post_id"] = platformPostId;
        if (url is not null) payload["url"] = url;
        if (error is not null) payload["error"] = error;
        if (errorKind is not null) payload["error_kind"] = errorKind;
        return payload;
    }
}
