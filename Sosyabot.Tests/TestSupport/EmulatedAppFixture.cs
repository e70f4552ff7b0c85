using Sosyabot.Tests.Emulator;

namespace Sosyabot.Tests.TestSupport;

// The real app with every implemented platform's real URLs pointed at the provider emulator,
// through configuration only.
public class EmulatedAppFixture : AppFixture
{
    public ProviderEmulator Emulator { get; private set; } = default!;

    public override async Task InitializeAsync()
    {
        Emulator = await ProviderEmulator.StartAsync(EmulatedPlatforms.Create());
        await base.InitializeAsync();
    }

    protected override IReadOnlyDictionary<string, string?> Settings()
    {
        var settings = Emulator.HostOverrideSettings();
        foreach (var (key, value) in EmulatedPlatforms.AppSettings()) settings[key] = value;
        return settings;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
