using Sosyabot.Core.Providers;
using Microsoft.AspNetCore.Identity;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Users;
using Sosyabot.Core.Workspaces;

namespace Sosyabot.Tests.TestSupport;

// Builders for the rows most tests need. Every name is unique, so tests sharing a database never collide.
public static class TestData
{
    public static string UniqueEmail(string name = "user") => $"{name}-{Guid.NewGuid():N}@example.test";

    // No password: hashing one costs time, and these users never sign in.
    public static async Task<AppUser> CreateUserAsync(this DatabaseFixture db, string? email = null, bool systemAdmin = false)
    {
        email ??= UniqueEmail();
        var user = new AppUser { UserName = email, Email = email, IsSystemAdmin = systemAdmin, CreatedAt = DateTimeOffset.UtcNow };
        var result = await db.Run<UserManager<AppUser>, IdentityResult>(users => users.CreateAsync(user));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return user;
    }

    public static async Task<Guid> CreateWorkspaceAsync(this DatabaseFixture db, Guid ownerId, string? name = null, string timeZone = "UTC")
    {
        name ??= $"Workspace {Guid.NewGuid():N}"[..30];
        var workspace = await db.Run<WorkspaceService, Workspace>(w => w.CreateAsync(ownerId, name, timeZone));
        return workspace.Id;
    }

    public static async Task AddMemberAsync(this DatabaseFixture db, Guid workspaceId, Guid userId, WorkspaceRole role)
    {
        await using var context = db.CreateDbContext();
        context.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = workspaceId, UserId = userId, Role = role, JoinedAt = DateTimeOffset.UtcNow });
        await context.SaveChangesAsync();
    }

    // A user who belongs to a workspace (owned by someone else) with the given role.
    public static async Task<(Guid WorkspaceId, AppUser User)> MemberWithRoleAsync(this DatabaseFixture db, WorkspaceRole role)
    {
        var owner = await db.CreateUserAsync(UniqueEmail("owner"));
        var workspaceId = await db.CreateWorkspaceAsync(owner.Id);
        if (role == WorkspaceRole.Owner) return (workspaceId, owner);
        var user = await db.CreateUserAsync(UniqueEmail(role.ToString().ToLowerInvariant()));
        await db.AddMemberAsync(workspaceId, user.Id, role);
        return (workspaceId, user);
    }

    public static Channel NewChannel(Guid workspaceId, string platform = "mastodon") => new()
    {
        WorkspaceId = workspaceId,
        Platform = platform,
        Pid = Guid.NewGuid().ToString("N"),
        DisplayName = "Test channel",
        LoginType = LoginType.OAuth,
        ConnectedAt = DateTimeOffset.UtcNow,
    };

    public static async Task<Channel> CreateChannelAsync(this DatabaseFixture db, Guid workspaceId)
    {
        var channel = NewChannel(workspaceId);
        await using var context = db.CreateDbContext();
        context.Channels.Add(channel);
        await context.SaveChangesAsync();
        return channel;
    }
}
