using Sosyabot.Bench;
using Sosyabot.Bench.ChannelsPage;
using static Sosyabot.Bench.Figures;

// Targets from issue 6, item 9.
const double RenderTargetMs = 150, HtmlTargetKb = 300, RssTargetMb = 400;

var options = BenchOptions.Parse(args);
var account = await BenchAccount.RegisterAsync(options.App);
await Seeder.SeedAsync(options.Database, account.WorkspaceId, options.Channels);
var path = $"/w/{account.WorkspaceId}/channels";
Console.WriteLine($"Seeded {options.Channels} channels in workspace {account.WorkspaceId}; app RSS {RssMegabytes(options.AppPid):F0} MB before loads.");

await HttpLoads.RunAsync(account, path, 3);
var (times, sizes) = await HttpLoads.RunAsync(account, path, options.Loads);
var rssAfterHttp = RssMegabytes(options.AppPid);
Console.WriteLine($"GET {path} x{options.Loads} (after 3 warm-up loads):");
Console.WriteLine($"  server time to full response: median {Median(times):F1} ms, p95 {Percentile(times, 0.95):F1} ms  (target median <= {RenderTargetMs} ms: {Verdict(Median(times), RenderTargetMs)})");
Console.WriteLine($"  HTML: median {Median(sizes.Select(s => s / 1024.0).ToList()):F1} KB  (target <= {HtmlTargetKb} KB: {Verdict(Median(sizes.Select(s => s / 1024.0).ToList()), HtmlTargetKb)})");
Console.WriteLine($"  app RSS after {options.Loads + 3} loads: {rssAfterHttp:F0} MB  (target <= {RssTargetMb} MB: {Verdict(rssAfterHttp, RssTargetMb)})");

if (options.BrowserLoads > 0)
{
    var interactive = await BrowserLoads.RunAsync(options, account, path);
    var rssAfterBrowser = RssMegabytes(options.AppPid);
    Console.WriteLine($"Chromium opens the page x{options.BrowserLoads} (prerender + interactive circuit, first row shown):");
    Console.WriteLine($"  time to interactive: median {Median(interactive):F0} ms, p95 {Percentile(interactive, 0.95):F0} ms");
    Console.WriteLine($"  app RSS after them: {rssAfterBrowser:F0} MB  (target <= {RssTargetMb} MB: {Verdict(rssAfterBrowser, RssTargetMb)})");
}
