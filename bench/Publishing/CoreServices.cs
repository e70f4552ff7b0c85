using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core;
using Sosyabot.Tests.Emulator;

namespace Sosyabot.Bench.Publishing;

// The app's own Core services in this process, on the app's database and key ring (same certificate),
// so channels connected and posts written here are what the app would have stored itself. Quartz is
// configured with the same clustered store but never started: the app's scheduler fires the triggers.
public static class CoreServices
{
    public static ServiceProvider Build(BenchOptions options, ProviderEmulator emulator)
    {
        var settings = EmulatorSettings.Of(emulator);
        settings["ConnectionStrings:Sosyabot"] = options.Database;
        settings["DataProtection:CertificatePath"] = options.KeyCertificate;
        // The callback the emulated X app is registered with (XEmulator.RegisteredRedirectUri), as in the
        // test fixtures; connects are completed here, so the app's own address plays no part in them.
        settings["App:BaseUrl"] = "http://127.0.0.1";
        settings["Scheduler:Enabled"] = "false";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSosyabotCore(configuration);
        return services.BuildServiceProvider();
    }
}
