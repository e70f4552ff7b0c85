namespace Sosyabot.Core.Providers.Http;

public sealed class ProviderHttpOptions
{
    public const string Section = "Providers:Http";

    // Longer than any platform answers when healthy, shorter than the refresh lock's wait (45 s),
    // so a hung platform cannot hold a channel's refresh lock until the waiters give up.
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    // Sending media: a 512 MB video on a slow uplink takes minutes, and cutting it short costs the whole upload.
    public TimeSpan UploadTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
