using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Accounts;
using Sosyabot.Core.Admin;
using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Accounts;

// Each test starts from an empty install (the first user is special), configured with the given default mode.
public class RegistrationModeTests
{
    private const string Password = "Correct-horse-9";

    [Theory]
    [InlineData("Closed")]
    [InlineData("InvitedOnly")]
    public Task The_first_user_can_always_register(string mode) => OnEmptyInstallAsync(mode, async db =>
    {
        var first = await RegisterAsync(db, "first@example.test");

        Assert.True(first.Success, string.Join(" ", first.Errors));
        Assert.True(first.User!.IsSystemAdmin);
    });

    [Fact]
    public Task Closed_refuses_every_later_sign_up_and_saves_nothing() => OnEmptyInstallAsync("Closed", async db =>
    {
        var admin = (await RegisterAsync(db, "admin@example.test")).User!;
        var workspaceId = await PersonalWorkspaceAsync(db, admin.Id);
        await db.Run<InvitationService, string>(i => i.InviteAsync(admin.Id, workspaceId, "invited@example.test", WorkspaceRole.Editor));

        var uninvited = await RegisterAsync(db, "someone@example.test");
        var invited = await RegisterAsync(db, "invited@example.test");

        Assert.Equal([RegistrationPolicy.ClosedMessage], uninvited.Errors);
        Assert.Equal([RegistrationPolicy.ClosedMessage], invited.Errors);
        Assert.Equal(1, await db.Query(c => c.Users.CountAsync()));
        Assert.Equal(1, await db.Query(c => c.Workspaces.CountAsync()));
    });

    [Fact]
    public Task Invited_only_admits_an_address_with_an_open_invitation_and_no_other() => OnEmptyInstallAsync("InvitedOnly", async db =>
    {
        var admin = (await RegisterAsync(db, "admin@example.test")).User!;
        var workspaceId = await PersonalWorkspaceAsync(db, admin.Id);
        await db.Run<InvitationService, string>(i => i.InviteAsync(admin.Id, workspaceId, "Invited@Example.test", WorkspaceRole.Editor));

        var uninvited = await RegisterAsync(db, "someone@example.test");
        var invited = await RegisterAsync(db, "invited@example.test");

        Assert.Equal([RegistrationPolicy.InvitedOnlyMessage], uninvited.Errors);
        Assert.True(invited.Success, string.Join(" ", invited.Errors));
        Assert.False(await db.Query(c => c.Users.AnyAsync(u => u.Email == "someone@example.test")));
    });

    [Fact]
    public Task The_admin_switch_overrides_the_configured_mode_at_run_time() => OnEmptyInstallAsync("Open", async db =>
    {
        var admin = (await RegisterAsync(db, "admin@example.test")).User!;
        Assert.True((await RegisterAsync(db, "before@example.test")).Success);

        await db.Run<RegistrationPolicy>(p => p.SetModeAsync(admin.Id, RegistrationMode.Closed));
        var whileClosed = await RegisterAsync(db, "closed@example.test");
        await db.Run<RegistrationPolicy>(p => p.SetModeAsync(admin.Id, RegistrationMode.Open));
        var reopened = await RegisterAsync(db, "reopened@example.test");

        Assert.Equal([RegistrationPolicy.ClosedMessage], whileClosed.Errors);
        Assert.True(reopened.Success, string.Join(" ", reopened.Errors));
    });

    [Fact]
    public Task Only_a_system_admin_may_change_the_mode() => OnEmptyInstallAsync("Open", async db =>
    {
        await RegisterAsync(db, "admin@example.test");
        var member = (await RegisterAsync(db, "member@example.test")).User!;

        await Assert.ThrowsAsync<NotSystemAdminException>(() => db.Run<RegistrationPolicy>(p => p.SetModeAsync(member.Id, RegistrationMode.Closed)));

        Assert.Equal(RegistrationMode.Open, await db.Run<RegistrationPolicy, RegistrationMode>(p => p.ModeAsync()));
        Assert.True((await RegisterAsync(db, "later@example.test")).Success);
    });

    private static Task<Guid> PersonalWorkspaceAsync(DatabaseFixture db, Guid userId) =>
        db.Query(c => c.WorkspaceMembers.Where(m => m.UserId == userId).Select(m => m.WorkspaceId).SingleAsync());

    private static async Task OnEmptyInstallAsync(string mode, Func<DatabaseFixture, Task> test)
    {
        var db = new ModeFixture(mode);
        await db.InitializeAsync();
        try
        {
            await test(db);
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    private static async Task<RegistrationResult> RegisterAsync(DatabaseFixture db, string email)
    {
        await using var scope = db.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RegistrationService>().RegisterAsync(email, Password);
    }

    private sealed class ModeFixture(string mode) : DatabaseFixture
    {
        protected override void AddSettings(IDictionary<string, string?> settings) => settings["Registration:Mode"] = mode;
    }
}
