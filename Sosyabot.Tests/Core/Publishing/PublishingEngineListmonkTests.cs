using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Publishing;

public class PublishingEngineListmonkTests(PublishingFixture fixture)
    : PublishingEngineFaultTests(fixture, new ListmonkPublishing(fixture)), IClassFixture<PublishingFixture>;
