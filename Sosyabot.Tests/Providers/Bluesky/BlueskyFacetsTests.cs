using System.Text;
using Sosyabot.Core.Providers.Bluesky;

namespace Sosyabot.Tests.Providers.Bluesky;

// Facet offsets are UTF-8 bytes: every multi-byte character before an entity moves it.
public class BlueskyFacetsTests
{
    private static string Slice(string text, BlueskyFacet facet) =>
        Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)[facet.ByteStart..facet.ByteEnd]);

    [Fact]
    public void Offsets_after_emoji_and_accents_are_counted_in_bytes()
    {
        var text = "Café 👨‍👩‍👧‍👦 with @alice.bsky.social at https://example.com/ünï #Çok";

        var facets = BlueskyFacets.Detect(text);

        Assert.Collection(facets,
            mention =>
            {
                Assert.Equal(BlueskyFacetKind.Mention, mention.Kind);
                Assert.Equal("alice.bsky.social", mention.Value);
                // "Café " is 6 bytes, the family 25, " with " 6.
                Assert.Equal(37, mention.ByteStart);
                Assert.Equal("@alice.bsky.social", Slice(text, mention));
            },
            link =>
            {
                Assert.Equal(BlueskyFacetKind.Link, link.Kind);
                Assert.Equal("https://example.com/ünï", link.Value);
                Assert.Equal("https://example.com/ünï", Slice(text, link));
            },
            tag =>
            {
                Assert.Equal(BlueskyFacetKind.Tag, tag.Kind);
                Assert.Equal("Çok", tag.Value);
                Assert.Equal("#Çok", Slice(text, tag));
                Assert.Equal(Encoding.UTF8.GetByteCount(text), tag.ByteEnd);
            });
    }

    [Fact]
    public void A_link_without_a_scheme_gets_https_and_trailing_punctuation_stays_out()
    {
        var text = "See bsky.app, or (example.com).";

        var links = BlueskyFacets.Detect(text);

        Assert.Equal(["https://bsky.app", "https://example.com"], links.Select(l => l.Value));
        Assert.Equal(["bsky.app", "example.com"], links.Select(l => Slice(text, l)));
    }

    [Theory]
    [InlineData("mail alice@example.com")]
    [InlineData("@nodot is not a handle")]
    [InlineData("file.notatld")]
    [InlineData("#123 is only digits")]
    [InlineData("a lone # sign")]
    public void Finds_nothing_where_bluesky_finds_nothing(string text) => Assert.Empty(BlueskyFacets.Detect(text));

    [Fact]
    public void Handles_to_resolve_are_listed_once()
    {
        var facets = BlueskyFacets.Detect("@Bob.example.com and @bob.example.com and @carol.example.org");

        Assert.Equal(["bob.example.com", "carol.example.org"], BlueskyFacets.Handles(facets));
    }
}
