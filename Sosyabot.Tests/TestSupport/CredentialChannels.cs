using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Connections;
using Sosyabot.Core.Data;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Webhooks;

namespace Sosyabot.Tests.TestSupport;

// Drives login types 2 and 3 through the real CredentialConnectService and reads back what was stored,
// each call in its own DI scope as a request would be.
public static class CredentialChannels
{
    public static async Task<Channel> ConnectAsync(IServiceProvider services, TestUser user, string platform, IReadOnlyDictionary<string, string> values)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CredentialConnectService>().ConnectAsync(user.Id, user.WorkspaceId, platform, values);
    }

    public static async Task<IReadOnlyList<CredentialChoice>> ChoicesAsync(IServiceProvider services, TestUser user, string platform, string field, IReadOnlyDictionary<string, string> values)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CredentialConnectService>().ChoicesAsync(user.Id, user.WorkspaceId, platform, field, values);
    }

    public static async Task<List<Channel>> ListAsync(IServiceProvider services, Guid workspaceId, string platform)
    {
        await using var scope = services.CreateAsyncScope();
        return await Db(scope).Channels.AsNoTracking().Where(c => c.WorkspaceId == workspaceId && c.Platform == platform).ToListAsync();
    }

    public static async Task<Channel> GetAsync(IServiceProvider services, Guid channelId)
    {
        await using var scope = services.CreateAsyncScope();
        return await Db(scope).Channels.AsNoTracking().SingleAsync(c => c.Id == channelId);
    }

    public static async Task<ChannelTokens> TokensAsync(IServiceProvider services, Guid channelId)
    {
        await using var scope = services.CreateAsyncScope();
        var channel = await Db(scope).Channels.SingleAsync(c => c.Id == channelId);
        return await scope.ServiceProvider.GetRequiredService<ChannelSecrets>().ReadAsync(channel)
            ?? throw new InvalidOperationException("The stored tokens could not be decrypted.");
    }

    public static async Task<List<WebhookEvent>> EventsAsync(IServiceProvider services, Guid workspaceId, string? type = null)
    {
        await using var scope = services.CreateAsyncScope();
        return await Db(scope).WebhookEvents.AsNoTracking()
            .Where(e => e.WorkspaceId == workspaceId && (type == null || e.Type == type))
            .OrderBy(e => e.CreatedAt).ToListAsync();
    }

    public static async Task<RefreshOutcome> RefreshAsync(IServiceProvider services, Guid channelId, int? observedTokenVersion)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ChannelRefreshService>().RefreshAsync(channelId, observedTokenVersion);
    }

    public static async Task MarkNeedsReconnectAsync(IServiceProvider services, Guid channelId)
    {
        await using var scope = services.CreateAsyncScope();
        await Db(scope).Channels.Where(c => c.Id == channelId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ChannelStatus.NeedsReconnect).SetProperty(c => c.StatusReason, "test"));
    }

    // Every stored text that could leak a secret: channel rows (all columns), webhook event payloads and
    // OAuth attempt errors of the workspace, as PostgreSQL renders them.
    public static async Task<string> StoredTextAsync(IServiceProvider services, Guid workspaceId)
    {
        await using var scope = services.CreateAsyncScope();
        var rows = await Db(scope).Database.SqlQuery<string>($"""
            SELECT row_to_json(c)::text AS "Value" FROM channels c WHERE c.workspace_id = {workspaceId}
            UNION ALL SELECT row_to_json(e)::text FROM webhook_events e WHERE e.workspace_id = {workspaceId}
            UNION ALL SELECT row_to_json(s)::text FROM oauth_states s WHERE s.workspace_id = {workspaceId}
            """).ToListAsync();
        return string.Join('\n', rows);
    }

    private static SosyabotDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<SosyabotDbContext>();
}
