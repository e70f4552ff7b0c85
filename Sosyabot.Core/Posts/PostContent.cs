using System.Text.Json.Nodes;

namespace Sosyabot.Core.Posts;

// What the user wrote: the parts (one, or a thread) and the per-platform fields keyed by platform.
public sealed record PostContent(IReadOnlyList<PostPart> Parts, JsonObject? PlatformFields = null)
{
    public static PostContent Text(string text) => new([PostPart.Of(text)]);

    public List<PostPart> Validate()
    {
        if (Parts.Count == 0) throw new InvalidRequestException("A post needs some text or media.");
        if (Parts.Any(p => string.IsNullOrWhiteSpace(p.Text) && p.Media.Count == 0))
            throw new InvalidRequestException("Every part of a thread needs some text or media.");
        return Parts.Select(p => p with { Media = [.. p.Media] }).ToList();
    }

    public JsonObject Fields() => PlatformFields?.DeepClone().AsObject() ?? [];
}
