using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Mastodon;
using Sosyabot.Core.Providers.Publishing.Rules;
using Sosyabot.Core.Publishing.Validation;
using Sosyabot.Tests.Emulator.Mastodon;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Publishing.Validation;

// Through the real app: rules from the providers, Mastodon's limit read from the (emulated) server.
public class PublishValidationServiceTests : IClassFixture<EmulatedAppFixture>
{
    private readonly EmulatedAppFixture _fixture;
    private readonly MastodonEmulator _mastodon;

    public PublishValidationServiceTests(EmulatedAppFixture fixture)
    {
        _fixture = fixture;
        _mastodon = fixture.Emulator.Platform<MastodonEmulator>();
        // A server that raised its limit, as many do.
        _mastodon.Current.MaxCharacters = 1000;
    }

    private async Task<IReadOnlyList<ValidationProblem>> ValidateAsync(ContentToValidate content)
    {
        using var scope = _fixture.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PublishValidationService>().ValidateAsync(content, CancellationToken.None);
    }

    private static ContentToValidate Mastodon(string instance, string text) =>
        new(Guid.NewGuid(), MastodonDefaults.Key, [new ContentPart(text, [])], new Dictionary<string, string>()) { Instance = instance };

    [Fact]
    public async Task A_mastodon_post_is_held_to_its_own_servers_limit()
    {
        var text = new string('m', 700);

        Assert.Empty(await ValidateAsync(Mastodon(MastodonEmulator.CurrentOrigin, text)));
        var problem = Assert.Single(await ValidateAsync(Mastodon(MastodonEmulator.OldOrigin, text)));
        Assert.Equal("Mastodon: 700 of 500 characters.", problem.Message);
        Assert.Equal(MastodonDefaults.Key, problem.Platform);
    }

    [Fact]
    public async Task The_servers_limit_is_read_once_and_then_cached()
    {
        var limits = _fixture.Factory.Services.GetRequiredService<MastodonServerLimits>();
        await limits.MaxCharactersAsync(MastodonEmulator.CurrentOrigin, CancellationToken.None);
        var reads = _mastodon.Current.InstanceReads;

        for (var i = 0; i < 5; i++)
            Assert.Equal(1000, await limits.MaxCharactersAsync(MastodonEmulator.CurrentOrigin, CancellationToken.None));

        Assert.Equal(reads, _mastodon.Current.InstanceReads);
        Assert.Single(_fixture.Emulator.RequestsTo("GET", "/mastodon-a/api/v2/instance"));
    }

    [Fact]
    public async Task A_platform_without_a_publisher_is_named_as_not_available()
    {
        var content = new ContentToValidate(Guid.NewGuid(), "threads", [new ContentPart("hi", [])], new Dictionary<string, string>());

        var problem = Assert.Single(await ValidateAsync(content));

        Assert.Equal("Threads: publishing to this platform is not available yet; remove this channel from the post.", problem.Message);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("bluesky")]
    [InlineData("mastodon")]
    [InlineData("telegram")]
    [InlineData("reddit")]
    [InlineData("listmonk")]
    public void Each_connected_platform_exposes_its_own_rules(string platform)
    {
        using var scope = _fixture.Factory.Services.CreateScope();

        var provider = scope.ServiceProvider.GetRequiredService<ProviderRegistry>().Find<IHasPublishingRules>(platform);

        Assert.Equal(platform, provider?.Rules.Platform);
    }

    [Fact]
    public async Task The_rules_come_from_the_provider()
    {
        var content = new ContentToValidate(Guid.NewGuid(), "reddit", [new ContentPart("body", [])], new Dictionary<string, string> { ["subreddit"] = "dotnet" });

        var problem = Assert.Single(await ValidateAsync(content));

        Assert.Equal("Reddit: a title is required.", problem.Message);
    }
}
