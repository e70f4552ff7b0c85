using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Data;
using Sosyabot.Core.Posts;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Publishing.Nodes;

// Publishing nodes as separate app processes on one database, with every platform at the emulator.
// The in-process app only connects channels and writes posts (its scheduler does not run), so every
// delivery is made by a node process.
public sealed class PublishingNodesFixture : EmulatedAppFixture
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"sosyabot-nodes-{Guid.NewGuid():N}");

    // Short enough that a killed node's leases run out within the test; longer than any one delivery.
    public static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(10);

    protected override IReadOnlyDictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>(base.Settings())
        {
            // One key ring, protected with one certificate, for the test's writes and every node's reads.
            ["DataProtection:CertificatePath"] = Path.Combine(_dataDir, "keys", "dataprotection.pfx"),
            ["Scheduler:Enabled"] = "false",
        };
        return settings;
    }

    public Task<AppProcess> StartNodeAsync()
    {
        var settings = new Dictionary<string, string?>(Settings())
        {
            ["ConnectionStrings:Sosyabot"] = ConnectionString,
            ["Scheduler:Enabled"] = "true",
            ["Media:Root"] = Path.Combine(_dataDir, "media"),
            ["Publishing:LeaseTime"] = LeaseTime.ToString(),
            ["Publishing:SweepInterval"] = "00:00:01",
            ["Publishing:RetryBase"] = "00:00:01",
            ["Publishing:ResolveInterval"] = "00:00:02",
            ["Providers:Http:Timeout"] = "00:00:03",
        };
        return AppProcess.StartAsync(settings);
    }

    public async Task<Guid> PostNowAsync(TestUser user, string text, SixPlatforms platforms, IEnumerable<NodeChannel> channels)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var content = new PostContent([PostPart.Of(text)], platforms.FieldsFor(text));
        return await scope.ServiceProvider.GetRequiredService<PostService>()
            .CreateAsync(user.Id, user.WorkspaceId, content, channels.Select(c => c.Id).ToList(), PostSchedule.Now);
    }

    public async Task<List<PostTarget>> TargetsAsync(IEnumerable<Guid> postIds)
    {
        var ids = postIds.ToList();
        await using var db = TestDb.CreateContext(ConnectionString);
        return await db.PostTargets.AsNoTracking().Where(t => ids.Contains(t.PostId)).ToListAsync();
    }

    // Until every target satisfies `settled`, or the time is up (then the last states are returned for the assertions).
    public async Task<List<PostTarget>> WaitForAsync(IEnumerable<Guid> postIds, Func<PostTarget, bool> settled, TimeSpan timeout)
    {
        var ids = postIds.ToList();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var targets = await TargetsAsync(ids);
            if (targets.All(settled) || DateTime.UtcNow > deadline) return targets;
            await Task.Delay(500);
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_dataDir)) Directory.Delete(_dataDir, recursive: true);
    }
}
