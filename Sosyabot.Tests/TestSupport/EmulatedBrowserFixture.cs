using Sosyabot.Tests.Emulator;

namespace Sosyabot.Tests.TestSupport;

// The browser fixture over the app whose platforms point at the provider emulator.
public sealed class EmulatedBrowserFixture() : BrowserFixture(new EmulatedAppFixture())
{
    public ProviderEmulator Emulator => ((EmulatedAppFixture)App).Emulator;

    public IServiceProvider Services => App.Factory.Services;
}
