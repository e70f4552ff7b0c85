using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Publishing;

namespace Sosyabot.Core.Publishing;

// Claim → publish → record, until nothing due is left. Safe to run on any number of nodes and
// threads at once: the database claim decides which one publishes a target, Quartz only wakes it.
public sealed partial class PublishingEngine(IServiceScopeFactory scopes, PublishingNode node, IOptions<PublishingOptions> options, ILogger<PublishingEngine> logger)
{
    // Publishes the due targets (of one post, or all), several channels at a time. Returns how many it handled.
    public async Task<int> RunAsync(Guid? postId, CancellationToken ct)
    {
        var workers = Enumerable.Range(0, Math.Max(1, options.Value.Concurrency)).Select(_ => WorkAsync(postId, ct));
        return (await Task.WhenAll(workers)).Sum();
    }

    // What each node's sweeper does: settle interrupted and late targets, resolve Unknowns, then publish
    // whatever is due (a lost or misfired trigger costs a few seconds, never the post).
    public async Task SweepAsync(CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var sweeps = scope.ServiceProvider.GetRequiredService<TargetSweeps>();
            await sweeps.ExpireLeasesAsync(ct);
            await sweeps.MarkMissedAsync(ct);
        }
        await ResolveUnknownsAsync(ct);
        await RunAsync(null, ct);
    }

    private async Task<int> WorkAsync(Guid? postId, CancellationToken ct)
    {
        var handled = 0;
        while (!ct.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            var claim = await scope.ServiceProvider.GetRequiredService<TargetClaims>().ClaimNextAsync(node.Id, postId, ct);
            if (claim is null) return handled;
            await GuardAsync(claim, () => scope.ServiceProvider.GetRequiredService<TargetPublisher>().PublishAsync(claim, ct));
            handled++;
        }
        return handled;
    }

    private async Task ResolveUnknownsAsync(CancellationToken ct)
    {
        string[] resolvable;
        await using (var scope = scopes.CreateAsyncScope())
            resolvable = scope.ServiceProvider.GetRequiredService<ProviderRegistry>().All.OfType<IPublishResolver>().Cast<ISocialProvider>().Select(p => p.Info.Key).ToArray();
        while (!ct.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            var claim = await scope.ServiceProvider.GetRequiredService<TargetClaims>().ClaimUnknownAsync(node.Id, resolvable, ct);
            if (claim is null) return;
            await GuardAsync(claim, () => scope.ServiceProvider.GetRequiredService<TargetPublisher>().ResolveAsync(claim, ct));
        }
    }

    // A bug or a lost database mid-publish must not stop the other targets. The lease stays: when it
    // runs out the target becomes Unknown, which is the truth (the platform may have it).
    private async Task GuardAsync(ClaimedTarget claim, Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogPublishCrashed(e, claim.Id);
        }
    }

    [LoggerMessage(LogLevel.Error, "Publishing target {TargetId} stopped unexpectedly; it becomes Unknown when its lease runs out")]
    private partial void LogPublishCrashed(Exception exception, Guid targetId);
}
