using System.Diagnostics;
using Sosyabot.Bench;
using Sosyabot.Bench.Publishing;
using Sosyabot.Tests.Emulator;
using static Sosyabot.Bench.Figures;

// Targets from issue 7, section 6.
const double LagP99TargetMs = 1000, RatioTarget = 0.5, RssTargetMb = 400;

if (args is ["settings", "--emulator-port", var settingsPort])
{
    // The app starts before the emulator's run, so it learns the emulator's fixed address from these.
    await using var probe = await ProviderEmulator.StartAsync(int.Parse(settingsPort), EmulatedPlatforms.Create());
    foreach (var line in EmulatorSettings.AsEnvironment(EmulatorSettings.Of(probe))) Console.WriteLine(line);
    return;
}

var options = BenchOptions.Parse(args);
await using var emulator = await ProviderEmulator.StartAsync(options.EmulatorPort, EmulatedPlatforms.Create());
var account = await BenchAccount.RegisterAsync(options.App);
var database = new Database(options.Database);
var userId = await database.OwnerOfAsync(account.WorkspaceId);
await using var services = CoreServices.Build(options, emulator);

var watch = Stopwatch.StartNew();
var channels = await new ChannelSeeder(services, emulator, userId, account.WorkspaceId).SeedAsync(options.Channels);
Console.WriteLine($"Connected {channels.Count} channels through the app's connect services in {watch.Elapsed.TotalSeconds:F1} s: " +
    string.Join(", ", channels.GroupBy(c => c.Platform).Select(g => $"{g.Key} {g.Count()}")));
var writer = new PostWriter(services, userId, account.WorkspaceId);

// Writing posts also calls platforms (Reddit's subreddit check); the latency is for publishing only.
async Task<(Guid[] Ids, TimeSpan Took)> WriteAsync(string phase, List<BenchPost> posts)
{
    emulator.Latency = TimeSpan.Zero;
    var took = Stopwatch.StartNew();
    var ids = await writer.WriteAsync(phase, posts);
    emulator.Latency = options.Latency;
    return (ids, took.Elapsed);
}

async Task<DeliveryCount> AwaitDeliveriesAsync(string phase, int expected, DateTimeOffset deadline)
{
    while (DateTimeOffset.UtcNow < deadline && Delivery.Creates(emulator.Requests, phase).Count < expected) await Task.Delay(250);
    await Task.Delay(2000); // a duplicate would come after the last expected call
    return DeliveryCount.Of(emulator.Requests, phase, expected);
}

// Warm-up: a few posts due at once, to time post writing and to see the app's scheduler fire triggers
// that this process stored without running a scheduler.
var warmup = PostWriter.Spread(channels, 40, options.ChannelsPerPost, _ => DateTimeOffset.UtcNow.AddSeconds(15), seed: 1);
var (warmupIds, warmupTook) = await WriteAsync("warmup", warmup);
var storedTriggers = await database.StoredTriggersAsync(warmupIds);
var warmupCount = await AwaitDeliveriesAsync("warmup", warmup.Count * options.ChannelsPerPost, DateTimeOffset.UtcNow.AddSeconds(60));
var firedTriggers = storedTriggers - await database.StoredTriggersAsync(warmupIds);
var perPost = warmupTook / warmup.Count;
Console.WriteLine($"Warm-up: {warmup.Count} posts written in {warmupTook.TotalSeconds:F1} s; {storedTriggers} triggers stored by this process, " +
    $"{firedTriggers} fired by the app; {warmupCount.Line}");

// Steady: due evenly over the window, starting once all are written (the warm-up, cold, writes at about half the later pace).
var steadyStart = DateTimeOffset.UtcNow + perPost * options.SteadyPosts * 0.5 + TimeSpan.FromSeconds(10);
var step = options.SteadyOver / options.SteadyPosts;
var steady = PostWriter.Spread(channels, options.SteadyPosts, options.ChannelsPerPost, i => steadyStart + step * i, seed: 2);
var (steadyIds, steadyTook) = await WriteAsync("steady", steady);
Console.WriteLine($"Steady: {steady.Count} posts x {options.ChannelsPerPost} channels written in {steadyTook.TotalSeconds:F1} s, due evenly over {options.SteadyOver.TotalSeconds:F0} s " +
    $"(each channel every {options.SteadyOver.TotalSeconds * channels.Count / (steady.Count * options.ChannelsPerPost):F1} s), platform latency {options.Latency.TotalMilliseconds:F0} ms");
if (DateTimeOffset.UtcNow > steadyStart) Console.WriteLine("  WARNING: writing took longer than planned; the first posts were already due.");
var steadyCount = await AwaitDeliveriesAsync("steady", steady.Count * options.ChannelsPerPost, steady[^1].Due.AddSeconds(120));
var lags = steadyCount.First.Select(d => (d.Create.ReceivedAt - steady[d.Post].Due).TotalMilliseconds).ToList();
Console.WriteLine($"  lag after due: p50 {Median(lags):F0} ms, p99 {Percentile(lags, 0.99):F0} ms, max {lags.Max():F0} ms  (target p99 <= {LagP99TargetMs} ms: {Verdict(Percentile(lags, 0.99), LagP99TargetMs)})");
Console.WriteLine($"  {steadyCount.Line}; triggers left unfired: {await database.StoredTriggersAsync(steadyIds)}");

// Burst: all due at one instant. Telegram is left out: the engine paces a chat to one message a second on purpose.
var burstChannels = channels.Where(c => c.Platform != "telegram").ToList();
var burstAt = DateTimeOffset.UtcNow + perPost * options.BurstPosts * 0.5 + TimeSpan.FromSeconds(10);
var burst = PostWriter.Spread(burstChannels, options.BurstPosts, options.ChannelsPerPost, _ => burstAt, seed: 3);
var (_, burstTook) = await WriteAsync("burst", burst);
Console.WriteLine($"Burst: {burst.Count * options.ChannelsPerPost} deliveries ({burst.Count} posts x {options.ChannelsPerPost} of {burstChannels.Count} channels, Telegram left out: " +
    $"the product paces a Telegram chat to 1 message/s on purpose) due at one instant; written in {burstTook.TotalSeconds:F1} s");
if (DateTimeOffset.UtcNow > burstAt) Console.WriteLine("  WARNING: writing took longer than planned; the burst was already due.");
while (DateTimeOffset.UtcNow < burstAt) await Task.Delay(50);
emulator.ResetPeakInFlight();
var burstCount = await AwaitDeliveriesAsync("burst", burst.Count * options.ChannelsPerPost, burstAt.AddSeconds(300));
var concurrency = emulator.PeakInFlight;
var engineSeconds = (burstCount.First.Max(d => d.Create.ReceivedAt) - burstAt).TotalSeconds;
var engineRate = burstCount.Delivered / engineSeconds;
Console.WriteLine($"  engine: {engineRate:F0} deliveries/s ({burstCount.Delivered} in {engineSeconds:F1} s, first due to last create received), peak {concurrency} requests in flight at the emulator");
Console.WriteLine($"  {burstCount.Line}");

var (bareStarted, _) = await BareLoop.RunAsync(emulator, burstCount.First.Select(d => d.Create).ToList(), concurrency);
var bare = Delivery.Creates(emulator.Requests, "bare");
var bareSeconds = (bare.Max(r => r.ReceivedAt) - bareStarted).TotalSeconds;
var bareRate = bare.Count / bareSeconds;
Console.WriteLine($"  bare HttpClient loop, {concurrency} at once, same create calls: {bareRate:F0} deliveries/s ({bare.Count} in {bareSeconds:F1} s)");
Console.WriteLine($"  engine / bare loop: {engineRate / bareRate:P0}  (target >= {RatioTarget:P0}: {(engineRate / bareRate >= RatioTarget ? "ok" : "UNDER TARGET")})");

var peak = PeakRssMegabytes(options.AppPid);
Console.WriteLine($"App peak RSS (VmHWM) over the whole run: {peak:F0} MB  (target <= {RssTargetMb} MB: {Verdict(peak, RssTargetMb)})");
Console.WriteLine($"Targets in the database: {await database.TargetStatusesAsync()}");
emulator.AssertNoUnexpectedRequests();
