using System.Net;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Web.Account;

public class AccountSecurityTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string NewPassword = "Another-password-2";

    [Theory]
    [InlineData("/account/security")]
    [InlineData("/account/two-factor")]
    public async Task The_security_pages_send_visitors_to_sign_in(string page)
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.RedirectTarget());
    }

    [Fact]
    public async Task Changing_the_password_keeps_this_session_and_ends_the_others()
    {
        using var account = await TestAccount.RegisterAsync(app);
        using var other = app.CreateClient();
        await other.SubmitLoginAsync(account.Email, TestAccount.DefaultPassword);

        var response = await account.Client.SubmitFormAsync("/account/security", "change-password", PasswordChange(TestAccount.DefaultPassword));

        Assert.Equal("Your password is changed. Your other sessions are signed out.", await response.TextOfAsync("security-message"));
        Assert.Equal(HttpStatusCode.OK, (await account.Client.GetAsync($"/w/{account.PersonalWorkspaceId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync($"/w/{account.PersonalWorkspaceId}")).StatusCode);
        using var fresh = app.CreateClient();
        Assert.NotNull((await fresh.SubmitLoginAsync(account.Email, NewPassword)).AuthSetCookie());
    }

    [Fact]
    public async Task A_wrong_current_password_changes_nothing()
    {
        using var account = await TestAccount.RegisterAsync(app);

        var response = await account.Client.SubmitFormAsync("/account/security", "change-password", PasswordChange("Not-my-password-1"));

        Assert.Equal("The current password is not correct.", await response.TextOfAsync("security-error"));
        using var fresh = app.CreateClient();
        Assert.NotNull((await fresh.SubmitLoginAsync(account.Email, TestAccount.DefaultPassword)).AuthSetCookie());
    }

    [Fact]
    public async Task Signing_out_of_all_sessions_ends_this_one_and_the_others()
    {
        using var account = await TestAccount.RegisterAsync(app);
        using var other = app.CreateClient();
        await other.SubmitLoginAsync(account.Email, TestAccount.DefaultPassword);

        var response = await account.Client.SubmitFormAsync("/account/security", "sign-out-all", new Dictionary<string, string>());

        Assert.Equal("/account/login", response.RedirectTarget());
        Assert.Equal(HttpStatusCode.Redirect, (await account.Client.GetAsync($"/w/{account.PersonalWorkspaceId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync($"/w/{account.PersonalWorkspaceId}")).StatusCode);
    }

    [Fact]
    public async Task With_two_factor_on_the_password_alone_does_not_sign_in_and_a_code_does()
    {
        using var account = await TestAccount.RegisterAsync(app);
        var (key, codes) = await account.Client.EnableTwoFactorAsync();
        Assert.Equal(10, codes.Count);
        using var client = app.CreateClient();

        var password = await client.SubmitLoginAsync(account.Email, TestAccount.DefaultPassword);
        Assert.Null(password.AuthSetCookie());
        var secondStep = password.RedirectTarget();
        Assert.StartsWith("/account/login-2fa", secondStep);
        var wrong = await client.SubmitFormAsync(secondStep, "login-2fa", Code(WrongCode(key)));
        Assert.Equal("That code is not correct.", await wrong.TextOfAsync("login-error"));
        var right = await client.SubmitFormAsync(secondStep, "login-2fa", Code(Totp.Code(key)));

        Assert.Equal("/", right.RedirectTarget());
        Assert.NotNull(right.AuthSetCookie());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/w/{account.PersonalWorkspaceId}")).StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        using var account = await TestAccount.RegisterAsync(app);
        var (_, codes) = await account.Client.EnableTwoFactorAsync();

        Assert.Equal("/", (await RecoverAsync(account.Email, codes[0])).RedirectTarget());
        var again = await RecoverAsync(account.Email, codes[0]);

        Assert.Equal("That recovery code is not correct, or it was used before.", await again.TextOfAsync("login-error"));
    }

    [Fact]
    public async Task Turning_two_factor_off_signs_in_with_the_password_again()
    {
        using var account = await TestAccount.RegisterAsync(app);
        await account.Client.EnableTwoFactorAsync();

        await account.Client.SubmitFormAsync("/account/two-factor", "disable-two-factor", new Dictionary<string, string>());

        using var client = app.CreateClient();
        Assert.NotNull((await client.SubmitLoginAsync(account.Email, TestAccount.DefaultPassword)).AuthSetCookie());
        Assert.Equal(HttpStatusCode.OK, (await account.Client.GetAsync("/account/security")).StatusCode);
    }

    private async Task<HttpResponseMessage> RecoverAsync(string email, string recoveryCode)
    {
        using var client = app.CreateClient();
        var password = await client.SubmitLoginAsync(email, TestAccount.DefaultPassword);
        var page = password.RedirectTarget().Replace("/account/login-2fa", "/account/login-recovery");
        return await client.SubmitFormAsync(page, "login-recovery", Code(recoveryCode));
    }

    private static string WrongCode(string key) => ((int.Parse(Totp.Code(key)) + 500_000) % 1_000_000).ToString("D6");

    private static Dictionary<string, string> Code(string code) => new() { ["Input.Code"] = code };

    private static Dictionary<string, string> PasswordChange(string current) => new()
    {
        ["Password.Current"] = current,
        ["Password.New"] = NewPassword,
        ["Password.Confirm"] = NewPassword,
    };
}
