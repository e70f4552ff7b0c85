using System.Diagnostics;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.Telegram;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers;

// The emulator's own knobs: a latency before every answer, and the time each request arrived.
public class ProviderEmulatorTests
{
    [Fact]
    public async Task Latency_delays_every_answer_and_requests_record_when_they_arrived()
    {
        await using var emulator = await ProviderEmulator.StartAsync(new TelegramEmulator());
        var bot = emulator.Platform<TelegramEmulator>().CreateBot();
        emulator.Latency = TimeSpan.FromMilliseconds(300);
        using var http = new HttpClient();

        var sent = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync(emulator.Url($"/telegram/bot{bot.Token}/getMe"));
        watch.Stop();

        response.EnsureSuccessStatusCode();
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"answered after {watch.Elapsed.TotalMilliseconds} ms");
        var received = Assert.Single(emulator.RequestsTo("GET", $"/telegram/bot{bot.Token}/getMe")).ReceivedAt;
        // Stamped on arrival, before the latency: well before the answer came back.
        Assert.InRange(received, sent.AddMilliseconds(-50), sent + watch.Elapsed - TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task It_counts_the_most_requests_it_answered_at_once()
    {
        await using var emulator = await ProviderEmulator.StartAsync(new TelegramEmulator());
        var bot = emulator.Platform<TelegramEmulator>().CreateBot();
        emulator.Latency = TimeSpan.FromMilliseconds(500);
        using var http = new HttpClient();

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => http.GetAsync(emulator.Url($"/telegram/bot{bot.Token}/getMe"))));
        var afterThree = emulator.PeakInFlight;
        emulator.ResetPeakInFlight();
        await http.GetAsync(emulator.Url($"/telegram/bot{bot.Token}/getMe"));

        Assert.Equal((3, 1), (afterThree, emulator.PeakInFlight));
    }

    [Fact]
    public async Task It_listens_on_the_port_it_is_given()
    {
        var port = TestPorts.Free();

        await using var emulator = await ProviderEmulator.StartAsync(port, new TelegramEmulator());

        Assert.Equal(port, emulator.BaseUrl.Port);
    }
}
