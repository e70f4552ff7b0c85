using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Publishing;

public class PublishingEngineXTests(PublishingFixture fixture)
    : PublishingEngineFaultTests(fixture, new XPublishing(fixture)), IClassFixture<PublishingFixture>;
