using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sosyabot.Tests.Emulator;

// A real HTTP server on loopback standing in for the platforms' hosts. It records every request and
// can inject faults per endpoint ("POST /reddit-www/api/v1/access_token"). A request no platform maps
// is a bug in the code under test (a wrong path would otherwise read as the platform's 404), so it is
// answered 501 and fails the test when the emulator is disposed.
public sealed class ProviderEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<string> _unexpected = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> _faults = new();
    private readonly IPlatformEmulator[] _platforms;
    private int _inFlight;
    private int _peakInFlight;

    private ProviderEmulator(WebApplication app, IPlatformEmulator[] platforms)
    {
        _app = app;
        _platforms = platforms;
    }

    public Uri BaseUrl { get; private set; } = default!;

    // Added before every answer, as a platform's network and processing time (benchmarks run with 50 ms).
    public TimeSpan Latency { get; set; }

    // The most requests it has been answering at once since the last reset: how parallel a caller really was.
    public int PeakInFlight => Volatile.Read(ref _peakInFlight);

    public void ResetPeakInFlight() => Interlocked.Exchange(ref _peakInFlight, Volatile.Read(ref _inFlight));

    // How authorize pages answer: at once (Allow or Deny), or with a page a browser test clicks.
    public ConsentMode Consent { get; set; } = ConsentMode.Allow;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    public IEnumerable<RecordedRequest> RequestsTo(string method, string path) =>
        Requests.Where(r => r.Method == method && r.Path == path);

    public T Platform<T>() where T : IPlatformEmulator => _platforms.OfType<T>().Single();

    public void Inject(string method, string path, Fault fault, int times = 1)
    {
        var queue = _faults.GetOrAdd($"{method} {path}", _ => new ConcurrentQueue<Fault>());
        for (var i = 0; i < times; i++) queue.Enqueue(fault);
    }

    // Settings that point the app's real platform URLs at this server.
    public Dictionary<string, string?> HostOverrideSettings() =>
        _platforms.SelectMany(p => p.Hosts).ToDictionary(
            h => $"Providers:HostOverrides:{h.Key}", h => (string?)new Uri(BaseUrl, h.Value).AbsoluteUri);

    public string Url(string prefixedPath) => new Uri(BaseUrl, prefixedPath.TrimStart('/')).AbsoluteUri;

    public static Task<ProviderEmulator> StartAsync(params IPlatformEmulator[] platforms) => StartAsync(0, platforms);

    // A fixed port lets a separate process (the benchmark's app) be configured before the emulator starts.
    public static async Task<ProviderEmulator> StartAsync(int port, params IPlatformEmulator[] platforms)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var emulator = new ProviderEmulator(app, platforms);
        app.Use(emulator.CountInFlightAsync);
        app.Use(emulator.RecordAndInjectAsync);
        foreach (var platform in platforms) platform.Map(app, emulator);
        app.MapFallback(emulator.UnexpectedAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return emulator;
    }

    private async Task CountInFlightAsync(HttpContext context, RequestDelegate next)
    {
        var now = Interlocked.Increment(ref _inFlight);
        for (var peak = Volatile.Read(ref _peakInFlight); now > peak; peak = Volatile.Read(ref _peakInFlight))
            if (Interlocked.CompareExchange(ref _peakInFlight, now, peak) == peak) break;
        try
        {
            await next(context);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task RecordAndInjectAsync(HttpContext context, RequestDelegate next)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        context.Request.EnableBuffering();
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        context.Request.Body.Position = 0;
        _requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body, receivedAt));
        if (Latency > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(Latency, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (!_faults.TryGetValue($"{context.Request.Method} {context.Request.Path}", out var queue) || !queue.TryDequeue(out var fault))
        {
            await next(context);
            return;
        }
        if (fault.AfterApplying) await ApplyAndDiscardAsync(context, next);
        if (fault.Delay is { } delay)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up waiting, which is what the delay was for
            }
        }
        if (fault.Abort)
        {
            context.Abort();
            return;
        }
        if (fault.Status != 200 || fault.Body.Length > 0)
        {
            context.Response.StatusCode = fault.Status;
            context.Response.ContentType = fault.ContentType;
            if (fault.RetryAfter is not null) context.Response.Headers.RetryAfter = fault.RetryAfter;
            foreach (var (name, value) in fault.Headers) context.Response.Headers[name] = value;
            await context.Response.WriteAsync(fault.Body);
            return;
        }
        if (!fault.AfterApplying) await next(context);
    }

    // The platform does the work (the post exists) but its answer never reaches the caller.
    private static async Task ApplyAndDiscardAsync(HttpContext context, RequestDelegate next)
    {
        var body = context.Response.Body;
        context.Response.Body = Stream.Null;
        await next(context);
        context.Response.Body = body;
        context.Response.Clear();
    }

    private Task UnexpectedAsync(HttpContext context)
    {
        _unexpected.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
        context.Response.StatusCode = StatusCodes.Status501NotImplemented;
        return context.Response.WriteAsJsonAsync(new { emulator = "no platform maps this request" });
    }

    // Asserted by every test that disposes its emulator; a test may also call it early to fail at the spot.
    public void AssertNoUnexpectedRequests()
    {
        if (!_unexpected.IsEmpty)
            throw new InvalidOperationException($"The code under test sent requests no platform answers: {string.Join(", ", _unexpected.Distinct())}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        AssertNoUnexpectedRequests();
    }
}
