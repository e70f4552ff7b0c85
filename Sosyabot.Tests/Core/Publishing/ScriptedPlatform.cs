using System.Collections.Concurrent;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Providers.Publishing.Rules;

namespace Sosyabot.Tests.Core.Publishing;

// A platform whose answers the test writes, for engine paths a real platform cannot be made to take
// on demand: a resolver that cannot tell, processing that ends when the test says, failures in a row.
// Each call takes the next scripted answer; with none left it publishes.
public sealed class ScriptedPlatform : ISocialProvider, IHasPublishingRules, IPublisher, IPublishResolver, IPublishStatusChecker
{
    public const string Key = "scripted";
    private readonly ConcurrentQueue<Func<PublishRequest, PublishResult>> _publish = new();
    private readonly ConcurrentQueue<Func<PublishRequest, PublishedPost?>> _find = new();
    private readonly ConcurrentQueue<Func<PublishRequest, PublishResult>> _check = new();
    private int _next;

    public PlatformInfo Info { get; } = new(Key, "Scripted", LoginType.ApiToken, TokenPolicy.NeverExpires, null);
    public IReadOnlyList<string> MissingSettings => [];

    // Takes any text, threads and images: the engine paths under test, not a platform's limits.
    public PublishingRules Rules { get; } = new(Key, new TextRule(TextCounter.CodePoints, null),
        new MediaRules([new MediaKindRule(MediaKind.Image, 4, 20_000_000, ["image/png", "image/jpeg"])], MaxItems: 4, MixKinds: false, AltTextLimit: null),
        Threads: true, Fields: []);
    public ConcurrentQueue<PublishRequest> Published { get; } = new();
    public ConcurrentQueue<(PublishRequest Request, DateTimeOffset StartedAt)> Finds { get; } = new();
    public ConcurrentQueue<string> Checks { get; } = new();

    public void OnPublish(Func<PublishRequest, PublishResult> answer) => _publish.Enqueue(answer);
    public void OnFind(Func<PublishRequest, PublishedPost?> answer) => _find.Enqueue(answer);
    public void OnCheck(Func<PublishRequest, PublishResult> answer) => _check.Enqueue(answer);

    public PublishedPost NewPost() => new($"p{Interlocked.Increment(ref _next)}", $"https://scripted.example/{_next}");

    public Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken ct)
    {
        Published.Enqueue(request);
        return Task.FromResult(_publish.TryDequeue(out var answer) ? answer(request) : NewPost());
    }

    public Task<PublishedPost?> FindAsync(PublishRequest request, DateTimeOffset attemptStartedAt, CancellationToken ct)
    {
        Finds.Enqueue((request, attemptStartedAt));
        return Task.FromResult(_find.TryDequeue(out var answer) ? answer(request) : null);
    }

    public Task<PublishResult> CheckAsync(PublishRequest request, PendingPublish pending, CancellationToken ct)
    {
        Checks.Enqueue(pending.StatusHandle);
        return Task.FromResult(_check.TryDequeue(out var answer) ? answer(request) : NewPost());
    }
}
