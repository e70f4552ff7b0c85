using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Providers.Http;

// Never sent is Transient (safe to send again); maybe applied is Unknown (never sent again blindly).
// Against a real loopback server, so the failures are the ones the socket stack really raises.
public sealed class ProviderApiOutcomeTests : IAsyncLifetime
{
    private ProviderEmulator _emulator = default!;
    private CountingPlatform _platform = default!;

    public async Task InitializeAsync()
    {
        _platform = new CountingPlatform();
        _emulator = await ProviderEmulator.StartAsync(_platform);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private static ProviderApi Api(TimeSpan? timeout = null) =>
        new(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, "Example", TimeProvider.System, timeout ?? TimeSpan.FromSeconds(10));

    private HttpRequestMessage Request(HttpMethod method) => new(method, _emulator.Url("example/things"));

    private async Task<ProviderErrorKind> KindOfAsync(HttpMethod method, Fault fault, TimeSpan? timeout = null)
    {
        _emulator.Inject(method.Method, "/example/things", fault);
        var e = await Assert.ThrowsAsync<ProviderException>(() => Api(timeout).SendAsync(Request(method), default));
        return e.Kind;
    }

    [Fact]
    public async Task A_refused_connection_never_sent_anything_so_even_a_post_is_transient()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var e = await Assert.ThrowsAsync<ProviderException>(() =>
            Api().SendAsync(new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/things"), default));

        Assert.Equal(ProviderErrorKind.Transient, e.Kind);
    }

    [Fact]
    public async Task A_post_applied_but_answered_too_late_is_unknown_and_the_thing_exists()
    {
        Assert.Equal(ProviderErrorKind.Unknown, await KindOfAsync(HttpMethod.Post, Fault.AppliedThenSilent(TimeSpan.FromSeconds(5)), TimeSpan.FromMilliseconds(300)));
        Assert.Equal(1, _platform.Created);
    }

    [Fact]
    public async Task A_read_that_times_out_is_transient() =>
        Assert.Equal(ProviderErrorKind.Transient, await KindOfAsync(HttpMethod.Get, Fault.Slow(TimeSpan.FromSeconds(5)), TimeSpan.FromMilliseconds(300)));

    [Fact]
    public async Task A_connection_reset_after_a_post_was_applied_is_unknown()
    {
        Assert.Equal(ProviderErrorKind.Unknown, await KindOfAsync(HttpMethod.Post, Fault.AppliedThenReset));
        Assert.Equal(1, _platform.Created);
    }

    [Fact]
    public async Task A_connection_reset_on_a_read_is_transient() =>
        Assert.Equal(ProviderErrorKind.Transient, await KindOfAsync(HttpMethod.Get, Fault.Reset));

    [Fact]
    public async Task A_500_on_a_post_is_unknown_but_on_a_read_transient()
    {
        Assert.Equal(ProviderErrorKind.Unknown, await KindOfAsync(HttpMethod.Post, Fault.Unavailable));
        Assert.Equal(ProviderErrorKind.Transient, await KindOfAsync(HttpMethod.Get, Fault.Unavailable));
    }

    [Fact]
    public async Task A_503_with_retry_after_declined_the_post_so_it_is_transient() =>
        Assert.Equal(ProviderErrorKind.Transient, await KindOfAsync(HttpMethod.Post, new Fault(503, """{"error":"unavailable"}""", RetryAfter: "30")));

    [Fact]
    public async Task A_call_given_a_longer_timeout_outlasts_the_default()
    {
        _emulator.Inject("POST", "/example/things", Fault.Slow(TimeSpan.FromMilliseconds(800)));

        var response = await Api(TimeSpan.FromMilliseconds(200)).SendAsync(Request(HttpMethod.Post), default, timeout: TimeSpan.FromSeconds(10));

        Assert.True(response.IsSuccess);
        Assert.Equal(1, _platform.Created);
    }

    [Fact]
    public async Task A_request_no_platform_maps_fails_the_test_instead_of_reading_as_a_404()
    {
        var strict = await ProviderEmulator.StartAsync(new CountingPlatform());

        var response = await new HttpClient().GetAsync(strict.Url("example/wrong-path"));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        var e = await Assert.ThrowsAsync<InvalidOperationException>(async () => await strict.DisposeAsync());
        Assert.Contains("GET /example/wrong-path", e.Message);
    }

    private sealed class CountingPlatform : IPlatformEmulator
    {
        private int _created;
        public int Created => _created;

        public IReadOnlyDictionary<string, string> Hosts { get; } = new Dictionary<string, string> { ["https://api.example.com"] = "example/" };

        public void Map(IEndpointRouteBuilder routes, ProviderEmulator emulator)
        {
            routes.MapGet("/example/things", () => Results.Json(new { things = Array.Empty<string>() }));
            routes.MapPost("/example/things", () =>
            {
                Interlocked.Increment(ref _created);
                return Results.Json(new { id = "1" });
            });
        }
    }
}
