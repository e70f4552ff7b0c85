using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Publishing;

public class PublishingEngineRedditTests(PublishingFixture fixture)
    : PublishingEngineFaultTests(fixture, new RedditPublishing(fixture)), IClassFixture<PublishingFixture>;
