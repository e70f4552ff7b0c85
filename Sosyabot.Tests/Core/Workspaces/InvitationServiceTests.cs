using Microsoft.EntityFrameworkCore;
using Sosyabot.Core;
using Sosyabot.Core.Users;
using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Workspaces;

public class InvitationServiceTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task The_answer_is_the_same_whether_or_not_an_account_uses_the_address()
    {
        var (workspaceId, admin) = await db.MemberWithRoleAsync(WorkspaceRole.Admin);
        var existing = await db.CreateUserAsync();
        var unknown = TestData.UniqueEmail("nobody");

        var toExisting = await Invite(admin, workspaceId, $"  {existing.Email!.ToUpperInvariant()} ");
        var toUnknown = await Invite(admin, workspaceId, unknown);

        Assert.Equal(existing.Email!.ToUpperInvariant(), toExisting);
        Assert.Equal(unknown, toUnknown);
        var invitations = await db.Run<InvitationService, List<InvitationSummary>>(i => i.ListForWorkspaceAsync(admin.Id, workspaceId));
        Assert.Equal(2, invitations.Count);
        Assert.Null(await RoleOf(workspaceId, existing.Id));
    }

    [Theory]
    [InlineData("", "Enter the email address to invite.")]
    [InlineData("   ", "Enter the email address to invite.")]
    [InlineData(null, "Enter the email address to invite.")]
    [InlineData("a b@c", "'a b@c' is not an email address")]
    [InlineData("a@", "'a@' is not an email address")]
    [InlineData("x@xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.test", "An email address has at most 256 characters.")]
    public async Task A_missing_or_malformed_address_is_refused_and_saves_nothing(string? email, string message)
    {
        var (workspaceId, owner) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            db.Run<InvitationService>(i => i.InviteAsync(owner.Id, workspaceId, email, WorkspaceRole.Editor)));

        Assert.StartsWith(message, error.Message);
        Assert.Equal(0, await InvitationCount(workspaceId));
    }

    [Fact]
    public async Task Inviting_someone_already_in_the_workspace_is_refused()
    {
        var (workspaceId, owner) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);
        var member = await db.CreateUserAsync();
        await db.AddMemberAsync(workspaceId, member.Id, WorkspaceRole.Viewer);

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => Invite(owner, workspaceId, member.Email!, WorkspaceRole.Admin));

        Assert.Equal($"{member.Email} is already a member of this workspace.", error.Message);
        Assert.Equal(WorkspaceRole.Viewer, await RoleOf(workspaceId, member.Id));
        Assert.Equal(0, await InvitationCount(workspaceId));
    }

    [Fact]
    public async Task An_admin_cannot_invite_an_owner()
    {
        var (workspaceId, admin) = await db.MemberWithRoleAsync(WorkspaceRole.Admin);

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => Invite(admin, workspaceId, TestData.UniqueEmail(), WorkspaceRole.Owner));

        Assert.Equal("Only an owner can make someone an owner.", error.Message);
        Assert.Equal(0, await InvitationCount(workspaceId));
    }

    [Fact]
    public async Task Inviting_the_same_address_again_keeps_one_invitation_with_the_new_role()
    {
        var (workspaceId, owner) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);
        var email = TestData.UniqueEmail();

        await Invite(owner, workspaceId, email, WorkspaceRole.Viewer);
        await Invite(owner, workspaceId, email.ToUpperInvariant(), WorkspaceRole.Admin);

        var invitation = Assert.Single(await db.Run<InvitationService, List<InvitationSummary>>(i => i.ListForWorkspaceAsync(owner.Id, workspaceId)));
        Assert.Equal(WorkspaceRole.Admin, invitation.Role);
    }

    [Fact]
    public async Task A_pending_invitation_grants_no_access_and_is_not_among_the_users_workspaces()
    {
        var (workspaceId, owner) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);
        var invitee = await db.CreateUserAsync();
        var personal = await db.CreateWorkspaceAsync(invitee.Id, "Zz personal");
        await Invite(owner, workspaceId, invitee.Email!, WorkspaceRole.Admin);

        var denied = await Assert.ThrowsAsync<WorkspaceAccessDeniedException>(() =>
            db.Run<WorkspaceService>(w => w.GetAsync(invitee.Id, workspaceId)));
        var workspaces = await db.Run<WorkspaceService, List<WorkspaceSummary>>(w => w.ListForUserAsync(invitee.Id));

        Assert.False(denied.IsMember);
        Assert.Equal([personal], workspaces.Select(w => w.Id));
        Assert.Null(await db.Run<WorkspaceAccess, WorkspaceRole?>(a => a.RoleOfAsync(invitee.Id, workspaceId)));
    }

    [Fact]
    public async Task The_invitee_sees_the_invitation_and_accepting_makes_them_a_member_with_the_role()
    {
        var (workspaceId, owner) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);
        var invitee = await db.CreateUserAsync();
        await Invite(owner, workspaceId, invitee.Email!.ToUpperInvariant(), WorkspaceRole.Admin);

        var pending = Assert.Single(await Pending(invitee));
        var joined = await db.Run<InvitationService, Guid>(i => i.AcceptAsync(invitee.Id, pending.Id));

        Assert.Equal(workspaceId, joined);
        Assert.Equal(owner.Email, pending.InvitedBy);
        Assert.Equal(WorkspaceRole.Admin, pending.Role);
        Assert.Equal(WorkspaceRole.Admin, await RoleOf(workspaceId, invitee.Id));
        Assert.Empty(await Pending(invitee));
        Assert.Equal(0, await InvitationCount(workspaceId));
    }

    [Fact]
    public async Task Two_accepts_at_once_make_one_membership_and_one_refusal()
    {
        var (workspaceId, owner) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);
        var invitee = await db.CreateUserAsync();
        await Invite(owner, workspaceId, invitee.Email!, WorkspaceRole.Editor);
        var pending = Assert.Single(await Pending(invitee));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            try
            {
                await db.Run<InvitationService, Guid>(i => i.AcceptAsync(invitee.Id, pending.Id));
                return "joined";
            }
            catch (InvalidRequestException e)
            {
                return e.Message;
            }
        })));

        Assert.Equal(["That invitation is no longer open.", "joined"], attempts.Order(StringComparer.Ordinal));
        Assert.Equal(1, await db.Query(c => c.WorkspaceMembers.CountAsync(m => m.WorkspaceId == workspaceId && m.UserId == invitee.Id)));
    }

    [Fact]
    public async Task Someone_else_cannot_accept_or_decline_the_invitation()
    {
        var (workspaceId, owner) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);
        var invitee = await db.CreateUserAsync();
        var stranger = await db.CreateUserAsync();
        await Invite(owner, workspaceId, invitee.Email!, WorkspaceRole.Editor);
        var pending = Assert.Single(await Pending(invitee));

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => db.Run<InvitationService>(i => i.AcceptAsync(stranger.Id, pending.Id)));
        await db.Run<InvitationService>(i => i.DeclineAsync(stranger.Id, pending.Id));

        Assert.Equal("That invitation is no longer open.", error.Message);
        Assert.Empty(await Pending(stranger));
        Assert.Null(await RoleOf(workspaceId, stranger.Id));
        Assert.Equal(1, await InvitationCount(workspaceId));
    }

    [Fact]
    public async Task Declining_removes_the_invitation_without_joining()
    {
        var (workspaceId, owner) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);
        var invitee = await db.CreateUserAsync();
        await Invite(owner, workspaceId, invitee.Email!, WorkspaceRole.Editor);
        var pending = Assert.Single(await Pending(invitee));

        await db.Run<InvitationService>(i => i.DeclineAsync(invitee.Id, pending.Id));

        Assert.Empty(await Pending(invitee));
        Assert.Equal(0, await InvitationCount(workspaceId));
        Assert.Null(await RoleOf(workspaceId, invitee.Id));
    }

    [Fact]
    public async Task A_revoked_invitation_can_no_longer_be_accepted()
    {
        var (workspaceId, admin) = await db.MemberWithRoleAsync(WorkspaceRole.Admin);
        var invitee = await db.CreateUserAsync();
        await Invite(admin, workspaceId, invitee.Email!, WorkspaceRole.Editor);
        var pending = Assert.Single(await Pending(invitee));

        await db.Run<InvitationService>(i => i.RevokeAsync(admin.Id, workspaceId, pending.Id));

        Assert.Empty(await Pending(invitee));
        await Assert.ThrowsAsync<InvalidRequestException>(() => db.Run<InvitationService>(i => i.AcceptAsync(invitee.Id, pending.Id)));
        Assert.Null(await RoleOf(workspaceId, invitee.Id));
    }

    [Fact]
    public async Task An_invitation_to_an_address_without_an_account_waits_for_its_sign_up()
    {
        var (workspaceId, owner) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);
        var email = TestData.UniqueEmail("later");
        await Invite(owner, workspaceId, email, WorkspaceRole.Viewer);

        var newcomer = await db.CreateUserAsync(email);

        Assert.Equal(WorkspaceRole.Viewer, Assert.Single(await Pending(newcomer)).Role);
    }

    private Task<string> Invite(AppUser actor, Guid workspaceId, string email, WorkspaceRole role = WorkspaceRole.Editor) =>
        db.Run<InvitationService, string>(i => i.InviteAsync(actor.Id, workspaceId, email, role));

    private Task<List<PendingInvitation>> Pending(AppUser user) =>
        db.Run<InvitationService, List<PendingInvitation>>(i => i.ListForUserAsync(user.Id));

    private Task<int> InvitationCount(Guid workspaceId) => db.Query(c => c.WorkspaceInvitations.CountAsync(i => i.WorkspaceId == workspaceId));

    private Task<WorkspaceRole?> RoleOf(Guid workspaceId, Guid userId) => db.Query(c => c.WorkspaceMembers
        .Where(m => m.WorkspaceId == workspaceId && m.UserId == userId).Select(m => (WorkspaceRole?)m.Role).SingleOrDefaultAsync());
}
