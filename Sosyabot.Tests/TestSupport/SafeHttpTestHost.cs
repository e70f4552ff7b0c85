using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Net;

namespace Sosyabot.Tests.TestSupport;

// The safe client exactly as the app registers it, configured the way a self-hoster would.
internal sealed class SafeHttpTestHost : IDisposable
{
    private readonly ServiceProvider _provider;

    // Short enough that a regression that lets a request through to a silent trap fails in seconds, not minutes.
    private static readonly Dictionary<string, string?> BoundedTimeouts = new()
    {
        ["SafeHttp:ConnectTimeout"] = "00:00:02",
        ["SafeHttp:Timeout"] = "00:00:05",
    };

    public SafeHttpTestHost(IHostAddressResolver? resolver = null, IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(BoundedTimeouts)
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection().AddSafeHttpClient(configuration);
        if (resolver is not null)
            services.AddSingleton(resolver);
        _provider = services.BuildServiceProvider(validateScopes: true);
    }

    // Test servers speak plain http, so the admin switch for http on allow-listed hosts is on.
    public static SafeHttpTestHost AllowingHttp(IHostAddressResolver? resolver, params string[] allowedPrivateHosts) =>
        new(resolver, Settings(allowedPrivateHosts, ("SafeHttp:AllowHttpForAllowedHosts", "true")));

    public static Dictionary<string, string?> Settings(string[] allowedPrivateHosts, params (string Key, string Value)[] more)
    {
        var settings = allowedPrivateHosts
            .Select((entry, i) => KeyValuePair.Create($"SafeHttp:AllowedPrivateHosts:{i}", (string?)entry))
            .ToDictionary();
        foreach (var (key, value) in more)
            settings[key] = value;
        return settings;
    }

    public SafeHttpPolicy Policy => _provider.GetRequiredService<SafeHttpPolicy>();

    public HttpClient CreateClient() => _provider.GetRequiredService<IHttpClientFactory>().CreateClient(SafeHttp.ClientName);

    public void Dispose() => _provider.Dispose();
}
