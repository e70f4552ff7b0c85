using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Sosyabot.Tests.TestSupport;

// A Kestrel server on one loopback address (all of 127.0.0.0/8 is on lo) and a free port.
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private LoopbackServer(WebApplication app) => _app = app;

    public int Port { get; private set; }
    public int Requests => Volatile.Read(ref _requests);

    public static async Task<LoopbackServer> StartAsync(string address, RequestDelegate handler)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Parse(address), 0));
        var server = new LoopbackServer(builder.Build());
        server._app.Run(context =>
        {
            Interlocked.Increment(ref server._requests);
            return handler(context);
        });
        await server._app.StartAsync();
        server.Port = new Uri(server._app.Urls.Single()).Port;
        return server;
    }

    public static Task<LoopbackServer> StartAsync(string address, string body) =>
        StartAsync(address, context => context.Response.WriteAsync(body));

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
