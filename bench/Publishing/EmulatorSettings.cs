using Sosyabot.Tests.Emulator;

namespace Sosyabot.Bench.Publishing;

// What points the app (and this process's own Core services) at the emulator: the same settings the
// test fixtures use, written as environment variables for the app process.
public static class EmulatorSettings
{
    public static Dictionary<string, string?> Of(ProviderEmulator emulator)
    {
        var settings = emulator.HostOverrideSettings();
        foreach (var (key, value) in EmulatedPlatforms.AppSettings()) settings[key] = value;
        return settings;
    }

    // ':' is written '__' in an environment variable's name; an origin's own colon ("https://x.com")
    // becomes "https__//x.com" and reads back as the same key.
    public static IEnumerable<string> AsEnvironment(Dictionary<string, string?> settings) =>
        settings.Select(s => $"{s.Key.Replace(":", "__")}={s.Value}");
}
