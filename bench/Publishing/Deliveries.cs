using System.Text.RegularExpressions;
using Sosyabot.Tests.Emulator;

namespace Sosyabot.Bench.Publishing;

// One delivery is one (account, post) pair. The emulator's record of the platforms' create calls says
// how many each pair got: the account from the request's credentials (each bench channel is its own
// account, bot or API user), the post from the marker its text carries.
public sealed partial record Delivery(string Account, int Post, RecordedRequest Create)
{
    public static string Marker(string phase, int post) => $"bench-{phase}-{post}";

    public static List<RecordedRequest> Creates(IEnumerable<RecordedRequest> requests, string phase) =>
        requests.Where(r => r.Method == "POST" && CreatePath().IsMatch(r.Path) && r.Body.Contains($"bench-{phase}-", StringComparison.Ordinal)).ToList();

    public static Delivery Of(RecordedRequest create, string phase) => new(
        create.Path.StartsWith("/telegram/", StringComparison.Ordinal) ? create.Path : create.Header("Authorization") ?? "",
        int.Parse(MarkerPattern().Match(create.Body, create.Body.IndexOf($"bench-{phase}-", StringComparison.Ordinal)).Groups[1].Value),
        create);

    // The create call of a text post on each platform (Listmonk's is the campaign; starting it is a second call).
    [GeneratedRegex(@"^(/telegram/bot[^/]+/sendMessage|/x-api/2/tweets|/reddit-oauth/api/submit|/mastodon-a/api/v1/statuses|/bsky/xrpc/com\.atproto\.repo\.createRecord|/listmonk/api/campaigns)$")]
    private static partial Regex CreatePath();

    [GeneratedRegex(@"\Gbench-[a-z]+-(\d+)")]
    private static partial Regex MarkerPattern();
}

public sealed record DeliveryCount(int Expected, int Delivered, int Duplicates, int Missing, List<Delivery> First)
{
    public static DeliveryCount Of(IEnumerable<RecordedRequest> requests, string phase, int expected)
    {
        var groups = Delivery.Creates(requests, phase).Select(r => Delivery.Of(r, phase)).GroupBy(d => (d.Account, d.Post)).ToList();
        return new(expected, groups.Count, groups.Sum(g => g.Count() - 1), Math.Max(0, expected - groups.Count),
            groups.Select(g => g.MinBy(d => d.Create.ReceivedAt)!).ToList());
    }

    public string Line => $"{Delivered} of {Expected} delivered, {Duplicates} duplicate create calls, {Missing} missing  (target 0 and 0: {(Duplicates == 0 && Missing == 0 ? "ok" : "MISSED")})";
}
