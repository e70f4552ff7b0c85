using System.Text;
using Sosyabot.Core.Providers.Bluesky;

namespace Sosyabot.Tests.Providers.Bluesky;

public class BlueskyRichTextTests
{
    [Fact]
    public void The_record_key_is_the_same_for_every_attempt_of_a_part_and_differs_between_parts()
    {
        var target = Guid.CreateVersion7(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));

        var first = BlueskyTid.From($"{target}:0");

        Assert.Equal(first, BlueskyTid.From($"{target}:0"));
        Assert.NotEqual(first, BlueskyTid.From($"{target}:1"));
        Assert.True(BlueskyTid.IsValid(first), first);
        Assert.True(BlueskyTid.IsValid(BlueskyTid.From("not-a-uuid")));
        // The time part is the key's: it decodes to the UUID's millisecond.
        var micros = Decode(first) >> 10;
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), micros / 1000);
    }

    [Fact]
    public async Task Facet_ranges_are_utf8_byte_offsets_and_trailing_punctuation_is_left_out()
    {
        const string text = "🙂 ok https://a.example/x). #tag1, #123 @no.such.handle";

        var facets = await BlueskyFacets.BuildAsync(text, _ => Task.FromResult<string?>(null));

        Assert.Equal(2, facets.Count);
        var link = facets[0]!["index"]!;
        Assert.Equal(Encoding.UTF8.GetByteCount("🙂 ok "), link["byteStart"]!.GetValue<int>());
        Assert.Equal(Encoding.UTF8.GetByteCount("🙂 ok https://a.example/x"), link["byteEnd"]!.GetValue<int>());
        Assert.Equal("tag1", facets[1]!["features"]![0]!["tag"]!.ToString());
    }

    private static long Decode(string tid) => tid.Aggregate(0L, (value, c) => (value << 5) | (long)"234567abcdefghijklmnopqrstuvwxyz".IndexOf(c));
}
