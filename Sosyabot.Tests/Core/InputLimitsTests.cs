using Microsoft.EntityFrameworkCore;
using Sosyabot.Core;
using Sosyabot.Core.Admin;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Bluesky;
using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core;

// A value pasted far past a field's limit is refused with a short message (never echoed back), and nothing is saved.
public class InputLimitsTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly string Pasted = new('x', 40_000);

    [Fact]
    public async Task A_too_long_time_zone_is_refused()
    {
        var (workspaceId, owner) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            db.Run<WorkspaceService>(w => w.UpdateSettingsAsync(owner.Id, workspaceId, "Renamed", Pasted)));

        Assert.Equal($"A time zone id has at most {TimeZones.MaxLength} characters.", error.Message);
        Assert.NotEqual("Renamed", await db.Query(c => c.Workspaces.Where(w => w.Id == workspaceId).Select(w => w.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_too_long_invite_email_is_refused()
    {
        var (workspaceId, owner) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            db.Run<InvitationService>(i => i.InviteAsync(owner.Id, workspaceId, Pasted + "@example.test", WorkspaceRole.Editor)));

        Assert.Equal("An email address has at most 256 characters.", error.Message);
        Assert.False(await db.Query(c => c.WorkspaceInvitations.AnyAsync(i => i.WorkspaceId == workspaceId)));
    }

    [Fact]
    public async Task A_too_long_owner_email_is_refused_when_an_admin_creates_a_workspace()
    {
        var admin = await db.CreateUserAsync(systemAdmin: true);
        var name = $"Limits {Guid.NewGuid():N}";

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            db.Run<AdminWorkspaceService>(a => a.CreateAsync(admin.Id, name, Pasted)));

        Assert.Equal("An email address has at most 256 characters.", error.Message);
        Assert.False(await db.Query(c => c.Workspaces.AnyAsync(w => w.Name == name)));
    }

    [Fact]
    public async Task A_too_long_credential_is_refused_before_the_platform_is_asked()
    {
        var (workspaceId, owner) = await db.MemberWithRoleAsync(WorkspaceRole.Owner);
        var values = new Dictionary<string, string>
        {
            [BlueskyDefaults.IdentifierField] = Pasted,
            [BlueskyDefaults.AppPasswordField] = "abcd-efgh-ijkl-mnop",
        };

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            CredentialChannels.ConnectAsync(db.Services, new TestUser(owner.Id, owner.Email!, workspaceId), BlueskyDefaults.Key, values));

        Assert.Equal($"Handle or email has at most {CredentialField.MaxValueLength} characters.", error.Message);
        Assert.False(await db.Query(c => c.Channels.AnyAsync(ch => ch.WorkspaceId == workspaceId)));
    }
}
