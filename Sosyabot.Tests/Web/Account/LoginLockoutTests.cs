using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Users;
using Sosyabot.Tests.TestSupport;
using Sosyabot.Web.Components.Account.Pages;

namespace Sosyabot.Tests.Web.Account;

public class LoginLockoutTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task An_email_without_an_account_gets_the_same_answers_as_an_account_with_a_wrong_password()
    {
        using var account = await TestAccount.RegisterAsync(app);
        var unknown = TestData.UniqueEmail("nobody");

        var forAccount = await AnswersAsync(account.Email, attempts: 6);
        var forUnknown = await AnswersAsync(unknown, attempts: 6);

        Assert.Equal(forAccount, forUnknown);
        Assert.Equal(Enumerable.Repeat("OK Email or password is not correct.", 4).Append($"OK {Login.LockedOutMessage}").Append($"OK {Login.LockedOutMessage}"), forAccount);
    }

    [Fact]
    public async Task A_locked_account_is_not_signed_in_even_with_the_right_password()
    {
        using var account = await TestAccount.RegisterAsync(app);
        await AnswersAsync(account.Email, attempts: 5);
        using var client = app.CreateClient();

        var response = await client.SubmitLoginAsync(account.Email, TestAccount.DefaultPassword);

        Assert.Null(response.AuthSetCookie());
        Assert.Equal(Login.LockedOutMessage, await response.TextOfAsync("login-error"));
    }

    [Fact]
    public async Task An_email_without_an_account_costs_a_password_hash_check_like_a_real_one()
    {
        var hasher = new CountingPasswordHasher();
        await using var factory = app.Factory.WithWebHostBuilder(b => b.UseSetting("Scheduler:Enabled", "false").ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<AppUser>>(hasher)));
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.SubmitLoginAsync(TestData.UniqueEmail("warm-up"), "Wrong-password-1");
        var before = hasher.Verifications;

        await client.SubmitLoginAsync(TestData.UniqueEmail("nobody"), "Wrong-password-1");

        Assert.Equal(before + 1, hasher.Verifications);
    }

    private async Task<List<string>> AnswersAsync(string email, int attempts)
    {
        using var client = app.CreateClient();
        var answers = new List<string>();
        for (var i = 0; i < attempts; i++)
        {
            var response = await client.SubmitLoginAsync(email, "Wrong-password-1");
            answers.Add($"{response.StatusCode} {await response.TextOfAsync("login-error")}");
        }
        return answers;
    }

    private sealed class CountingPasswordHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _verifications;

        public int Verifications => _verifications;

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
