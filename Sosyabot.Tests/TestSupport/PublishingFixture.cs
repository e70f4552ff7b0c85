using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sosyabot.Tests.Emulator;

namespace Sosyabot.Tests.TestSupport;

// Core services on a fresh database with every platform at the emulator and a clock the test moves,
// tuned so leases, backoff and pacing take seconds of test clock (and no real waiting).
public class PublishingFixture : DatabaseFixture
{
    public ProviderEmulator Emulator { get; private set; } = default!;
    public TestClock Clock { get; } = new();
    public string MediaRoot { get; } = Path.Combine(Path.GetTempPath(), $"sosyabot-media-{Guid.NewGuid():N}");

    public override async Task InitializeAsync()
    {
        Emulator = await ProviderEmulator.StartAsync(EmulatedPlatforms.Create());
        await base.InitializeAsync();
    }

    protected override void AddSettings(IDictionary<string, string?> settings)
    {
        foreach (var (key, value) in Emulator.HostOverrideSettings()) settings[key] = value;
        foreach (var (key, value) in EmulatedPlatforms.AppSettings()) settings[key] = value;
        settings["Media:Root"] = MediaRoot;
        // The app address the emulators registered as the OAuth callback (as SosyabotAppFactory sets it).
        settings["App:BaseUrl"] = "http://127.0.0.1";
        settings["Publishing:LeaseTime"] = "00:01:00";
        settings["Publishing:RetryBase"] = "00:00:02";
        settings["Publishing:Concurrency"] = "2";
    }

    protected override void ConfigureServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Emulator.DisposeAsync();
        if (Directory.Exists(MediaRoot)) Directory.Delete(MediaRoot, recursive: true);
    }
}
