namespace Sosyabot.Core.Providers;

[Flags]
public enum PlatformCapabilities
{
    None = 0,
    Text = 1,
    Images = 2,
    Video = 4,
    Refresh = 8,
    Polling = 16,
    Metrics = 32,
}
