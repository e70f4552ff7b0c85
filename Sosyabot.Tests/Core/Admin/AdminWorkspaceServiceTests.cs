using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core;
using Sosyabot.Core.Admin;
using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Admin;

public class AdminWorkspaceServiceTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [InlineData("list")]
    [InlineData("create")]
    [InlineData("rename")]
    [InlineData("delete")]
    public async Task A_user_who_is_not_system_admin_is_refused(string operation)
    {
        // Owning the workspace does not make someone a system admin.
        var (workspaceId, owner) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);
        var workspacesBefore = await db.Query(c => c.Workspaces.CountAsync());

        await using var scope = db.CreateScope();
        var admin = scope.ServiceProvider.GetRequiredService<AdminWorkspaceService>();
        Func<Task> attempt = operation switch
        {
            "list" => () => admin.ListAsync(owner.Id),
            "create" => () => admin.CreateAsync(owner.Id, "Sneaky", null),
            "rename" => () => admin.RenameAsync(owner.Id, workspaceId, "Renamed"),
            "delete" => () => admin.DeleteAsync(owner.Id, workspaceId),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        var denied = await Assert.ThrowsAsync<NotSystemAdminException>(attempt);

        Assert.Equal("Only system administrators can do this.", denied.Message);
        Assert.Equal(workspacesBefore, await db.Query(c => c.Workspaces.CountAsync()));
        Assert.NotEqual("Renamed", await NameOf(workspaceId));
    }

    [Fact]
    public async Task An_admin_lists_every_workspace_with_member_and_channel_counts()
    {
        var admin = await db.CreateUserAsync(systemAdmin: true);
        var (busy, _) = await db.MemberWithRoleAsync(WorkspaceRole.Editor);
        await db.CreateChannelAsync(busy);
        await db.CreateChannelAsync(busy);
        var (quiet, _) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);

        var rows = await db.Run<AdminWorkspaceService, List<AdminWorkspaceRow>>(a => a.ListAsync(admin.Id));

        var busyRow = Assert.Single(rows, r => r.Id == busy);
        Assert.Equal((2, 2), (busyRow.MemberCount, busyRow.ChannelCount));
        var quietRow = Assert.Single(rows, r => r.Id == quiet);
        Assert.Equal((1, 0), (quietRow.MemberCount, quietRow.ChannelCount));
    }

    [Fact]
    public async Task An_admin_creates_a_workspace_for_another_user()
    {
        var admin = await db.CreateUserAsync(systemAdmin: true);
        var owner = await db.CreateUserAsync();

        var created = await db.Run<AdminWorkspaceService, Workspace>(a => a.CreateAsync(admin.Id, "Client X", $" {owner.Email!.ToUpperInvariant()} "));

        var members = await db.Query(c => c.WorkspaceMembers.Where(m => m.WorkspaceId == created.Id).ToListAsync());
        var member = Assert.Single(members);
        Assert.Equal((owner.Id, WorkspaceRole.Owner), (member.UserId, member.Role));
        Assert.Equal("Client X", await NameOf(created.Id));
    }

    [Fact]
    public async Task An_admin_creates_a_workspace_for_themselves_when_no_owner_is_given()
    {
        var admin = await db.CreateUserAsync(systemAdmin: true);

        var created = await db.Run<AdminWorkspaceService, Workspace>(a => a.CreateAsync(admin.Id, "Admin's own", ""));

        var member = await db.Query(c => c.WorkspaceMembers.SingleAsync(m => m.WorkspaceId == created.Id));
        Assert.Equal((admin.Id, WorkspaceRole.Owner), (member.UserId, member.Role));
    }

    [Fact]
    public async Task Creating_for_an_unknown_owner_email_is_refused()
    {
        var admin = await db.CreateUserAsync(systemAdmin: true);
        var name = $"Orphan {Guid.NewGuid():N}";

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            db.Run<AdminWorkspaceService, Workspace>(a => a.CreateAsync(admin.Id, name, "ghost@example.test")));

        Assert.Equal("No account uses ghost@example.test.", error.Message);
        Assert.False(await db.Query(c => c.Workspaces.AnyAsync(w => w.Name == name)));
    }

    [Fact]
    public async Task An_admin_renames_a_workspace_they_do_not_belong_to()
    {
        var admin = await db.CreateUserAsync(systemAdmin: true);
        var (workspaceId, _) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);

        await db.Run<AdminWorkspaceService>(a => a.RenameAsync(admin.Id, workspaceId, "  Renamed by admin "));

        Assert.Equal("Renamed by admin", await NameOf(workspaceId));
    }

    [Fact]
    public async Task Renaming_to_an_empty_name_is_refused()
    {
        var admin = await db.CreateUserAsync(systemAdmin: true);
        var (workspaceId, _) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);
        var before = await NameOf(workspaceId);

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            db.Run<AdminWorkspaceService>(a => a.RenameAsync(admin.Id, workspaceId, " ")));

        Assert.Equal("A workspace needs a name.", error.Message);
        Assert.Equal(before, await NameOf(workspaceId));
    }

    [Fact]
    public async Task An_admin_deletes_a_workspace_with_its_channels()
    {
        var admin = await db.CreateUserAsync(systemAdmin: true);
        var (workspaceId, _) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);
        await db.CreateChannelAsync(workspaceId);

        await db.Run<AdminWorkspaceService>(a => a.DeleteAsync(admin.Id, workspaceId));

        Assert.False(await db.Query(c => c.Workspaces.AnyAsync(w => w.Id == workspaceId)));
        Assert.False(await db.Query(c => c.Channels.AnyAsync(ch => ch.WorkspaceId == workspaceId)));
    }

    private Task<string?> NameOf(Guid workspaceId) =>
        db.Query(c => c.Workspaces.Where(w => w.Id == workspaceId).Select(w => w.Name).SingleOrDefaultAsync());
}
