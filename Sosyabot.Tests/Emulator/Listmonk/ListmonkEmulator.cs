using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Sosyabot.Tests.Emulator.Listmonk;

// Two Listmonk instances: one at the root of its host, one served under a path prefix
// (https://news.example/listmonk), the way reverse-proxied installs often are.
public sealed class ListmonkEmulator : IPlatformEmulator
{
    public ListmonkInstance Main { get; } = new("https://listmonk.example", "/listmonk");
    public ListmonkInstance UnderPath { get; } = new("https://news.example/listmonk", "/news/listmonk");

    public IReadOnlyDictionary<string, string> Hosts { get; } = new Dictionary<string, string>
    {
        ["https://listmonk.example"] = "listmonk/",
        ["https://news.example"] = "news/",
    };

    public void Map(IEndpointRouteBuilder routes, ProviderEmulator emulator)
    {
        Main.Map(routes);
        UnderPath.Map(routes);
        // Some other site on a Listmonk host: what a mistyped address reaches.
        routes.Map("/listmonk/wrong-path/{**rest}", () => Results.Content("<html><body>404 Not Found</body></html>", "text/html", statusCode: 404));
    }
}
