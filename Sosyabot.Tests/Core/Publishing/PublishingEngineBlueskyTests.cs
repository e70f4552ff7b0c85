using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Publishing;

public class PublishingEngineBlueskyTests(PublishingFixture fixture)
    : PublishingEngineFaultTests(fixture, new BlueskyPublishing(fixture)), IClassFixture<PublishingFixture>;
