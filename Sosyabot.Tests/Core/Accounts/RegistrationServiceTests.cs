using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sosyabot.Core.Accounts;
using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Accounts;

// The first-admin rule depends on an empty install, so every test here gets a database of its own.
public class RegistrationServiceTests : IAsyncLifetime
{
    private const string Password = "Correct-horse-9";
    private readonly DatabaseFixture _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task The_first_user_becomes_system_admin_and_the_second_does_not()
    {
        var first = await RegisterAsync("first@example.test");
        var second = await RegisterAsync("second@example.test");

        Assert.True(first.Success);
        Assert.True(second.Success);
        var admins = await _db.Query(db => db.Users.Where(u => u.IsSystemAdmin).Select(u => u.Email).ToListAsync());
        Assert.Equal(["first@example.test"], admins);
    }

    [Fact]
    public async Task Concurrent_registrations_on_an_empty_install_make_exactly_one_admin()
    {
        var emails = Enumerable.Range(1, 5).Select(i => $"racer{i}@example.test").ToList();

        // Each registration in its own scope, as separate requests would be.
        var results = await Task.WhenAll(emails.Select(email => Task.Run(() => RegisterAsync(email))));

        Assert.All(results, r => Assert.True(r.Success, string.Join(" ", r.Errors)));
        var users = await _db.Query(db => db.Users.ToListAsync());
        Assert.Equal(5, users.Count);
        Assert.Single(users, u => u.IsSystemAdmin);
    }

    [Fact]
    public async Task A_new_user_owns_a_personal_workspace()
    {
        var result = await RegisterAsync("alice@example.test");

        var workspaces = await _db.Run<WorkspaceService, List<WorkspaceSummary>>(w => w.ListForUserAsync(result.User!.Id));
        var personal = Assert.Single(workspaces);
        Assert.Equal("alice's workspace", personal.Name);
        Assert.Equal(WorkspaceRole.Owner, personal.Role);
    }

    [Fact]
    public async Task A_duplicate_email_is_refused_and_saves_nothing()
    {
        await RegisterAsync("taken@example.test");

        var again = await RegisterAsync("TAKEN@example.test");

        Assert.False(again.Success);
        Assert.Contains(again.Errors, e => e.Contains("taken@example.test", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, await _db.Query(db => db.Users.CountAsync()));
        Assert.Equal(1, await _db.Query(db => db.Workspaces.CountAsync()));
    }

    [Fact]
    public async Task A_weak_password_is_refused_and_saves_nothing()
    {
        var result = await RegisterAsync("weak@example.test", "short");

        Assert.False(result.Success);
        Assert.Null(result.User);
        Assert.Contains(result.Errors, e => e.Contains("at least 8 characters"));
        Assert.Equal(0, await _db.Query(db => db.Users.CountAsync()));
        Assert.Equal(0, await _db.Query(db => db.Workspaces.CountAsync()));
        Assert.Equal(0, await _db.Query(db => db.WorkspaceMembers.CountAsync()));
    }

    [Fact]
    public async Task A_refused_first_registration_does_not_use_up_the_admin_role()
    {
        await RegisterAsync("weak@example.test", "short");

        var result = await RegisterAsync("real@example.test");

        Assert.True(result.User!.IsSystemAdmin);
    }

    [Theory]
    [InlineData("\"a+b\"@example.test")]
    [InlineData("a+b@example.test")]
    [InlineData("çağrı@örnek.test")]
    public async Task Any_valid_email_address_is_accepted(string email)
    {
        var result = await RegisterAsync(email);

        Assert.True(result.Success, string.Join(" ", result.Errors));
        Assert.Equal(email, await _db.Query(db => db.Users.Select(u => u.Email).SingleAsync()));
    }

    [Theory]
    [InlineData("a@")]
    [InlineData("@b")]
    [InlineData("a b@c")]
    public async Task A_malformed_email_address_is_refused_with_a_true_message(string email)
    {
        var result = await RegisterAsync(email);

        Assert.Equal([EmailAddresses.InvalidMessage(email)], result.Errors);
        Assert.Equal(0, await _db.Query(db => db.Users.CountAsync()));
    }

    [Theory]
    [InlineData(7, "The password needs at least 8 characters.")]
    [InlineData(8, null)]
    [InlineData(101, null)]
    [InlineData(PasswordRules.MaxLength, null)]
    [InlineData(PasswordRules.MaxLength + 1, "The password can have at most 128 characters.")]
    public async Task Passwords_from_8_to_128_characters_are_accepted(int length, string? error)
    {
        var result = await RegisterAsync("length@example.test", new string('p', length));

        Assert.Equal(error is null ? [] : [error], result.Errors);
        Assert.Equal(error is null, result.Success);
    }

    [Fact]
    public async Task Once_an_admin_exists_a_sign_up_does_not_wait_for_the_first_admin_lock()
    {
        await RegisterAsync("admin@example.test");
        await using var holder = new NpgsqlConnection(_db.ConnectionString);
        await holder.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({RegistrationService.FirstAdminLockKey})", holder))
            await take.ExecuteNonQueryAsync();

        // Bounded only so that a regression fails instead of hanging; a sign-up that waited would never finish here.
        var result = await RegisterAsync("while-locked@example.test").WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(result.Success, string.Join(" ", result.Errors));
        Assert.False(result.User!.IsSystemAdmin);
    }

    private async Task<RegistrationResult> RegisterAsync(string email, string password = Password)
    {
        await using var scope = _db.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RegistrationService>().RegisterAsync(email, password);
    }
}
