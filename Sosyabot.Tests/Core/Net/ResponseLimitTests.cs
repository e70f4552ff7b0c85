using Microsoft.AspNetCore.Http;
using Sosyabot.Core.Net;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Net;

// a hostile or broken endpoint cannot make the client read forever or without bound.
public sealed class ResponseLimitTests
{
    private const int Cap = 1024;

    [Fact]
    public async Task A_declared_length_over_the_cap_is_refused_before_reading()
    {
        await using var server = await LoopbackServer.StartAsync("127.0.0.5", context =>
        {
            context.Response.ContentLength = Cap + 1;
            return context.Response.Body.WriteAsync(new byte[Cap + 1]).AsTask();
        });
        using var safeHttp = Host();

        // Headers-only read: the refusal comes from Content-Length alone, before any of the body is read.
        var error = await Assert.ThrowsAsync<ResponseTooLargeException>(() => safeHttp.CreateClient()
            .GetAsync($"http://127.0.0.5:{server.Port}/", HttpCompletionOption.ResponseHeadersRead));
        Assert.Contains("SafeHttp:MaxResponseBytes", error.Message);
    }

    [Fact]
    public async Task A_chunked_body_over_the_cap_is_aborted_when_buffered()
    {
        await using var server = await ChunkedServerAsync(Cap * 4);
        using var safeHttp = Host();

        await Assert.ThrowsAsync<ResponseTooLargeException>(
            () => safeHttp.CreateClient().GetAsync($"http://127.0.0.5:{server.Port}/"));
    }

    [Fact]
    public async Task A_chunked_body_over_the_cap_is_aborted_when_streamed()
    {
        await using var server = await ChunkedServerAsync(Cap * 4);
        using var safeHttp = Host();
        using var response = await safeHttp.CreateClient()
            .GetAsync($"http://127.0.0.5:{server.Port}/", HttpCompletionOption.ResponseHeadersRead);
        Assert.Null(response.Content.Headers.ContentLength);

        await using var body = await response.Content.ReadAsStreamAsync();
        await Assert.ThrowsAsync<ResponseTooLargeException>(() => body.CopyToAsync(Stream.Null));
    }

    [Fact]
    public async Task A_body_exactly_at_the_cap_is_returned_whole()
    {
        await using var server = await ChunkedServerAsync(Cap);
        using var safeHttp = Host();

        var body = await safeHttp.CreateClient().GetByteArrayAsync($"http://127.0.0.5:{server.Port}/");

        Assert.Equal(Cap, body.Length);
    }

    [Fact]
    public async Task A_slow_endpoint_times_out()
    {
        await using var server = await LoopbackServer.StartAsync("127.0.0.5",
            context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        using var safeHttp = Host(("SafeHttp:Timeout", "00:00:00.300"));

        var error = await Assert.ThrowsAsync<TaskCanceledException>(
            () => safeHttp.CreateClient().GetAsync($"http://127.0.0.5:{server.Port}/"));
        Assert.IsType<TimeoutException>(error.InnerException);
    }

    [Fact]
    public async Task A_lookup_that_never_answers_is_cut_off_by_the_connect_timeout()
    {
        using var safeHttp = new SafeHttpTestHost(new HangingResolver(), SafeHttpTestHost.Settings([],
            ("SafeHttp:ConnectTimeout", "00:00:00.300")));

        var error = await Assert.ThrowsAsync<TaskCanceledException>(() => safeHttp.CreateClient().GetAsync("https://slow-dns.example/"));
        // The connect timeout, not the 20 s total timeout, ended it.
        Assert.Contains("ConnectTimeout", Assert.IsType<TimeoutException>(error.InnerException).Message);
    }

    private static SafeHttpTestHost Host(params (string Key, string Value)[] more) => new(null, SafeHttpTestHost.Settings(
        ["127.0.0.5/32"], [("SafeHttp:AllowHttpForAllowedHosts", "true"), ("SafeHttp:MaxResponseBytes", $"{Cap}"), .. more]));

    // Several writes and no Content-Length: Kestrel sends chunked transfer encoding.
    private static Task<LoopbackServer> ChunkedServerAsync(int bytes) => LoopbackServer.StartAsync("127.0.0.5", async context =>
    {
        for (var sent = 0; sent < bytes; sent += 256)
        {
            await context.Response.Body.WriteAsync(new byte[Math.Min(256, bytes - sent)]);
            await context.Response.Body.FlushAsync();
        }
    });

    private sealed class HangingResolver : IHostAddressResolver
    {
        public async Task<System.Net.IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return [];
        }
    }
}
