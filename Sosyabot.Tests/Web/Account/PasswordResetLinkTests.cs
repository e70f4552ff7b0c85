using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Users;
using Sosyabot.Tests.TestSupport;
using Sosyabot.Web.Account;
using Sosyabot.Web.Components.Account.Pages;

namespace Sosyabot.Tests.Web.Account;

public class PasswordResetLinkTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string NewPassword = "Reset-password-3";

    [Fact]
    public async Task A_reset_link_sets_a_new_password_once_and_ends_the_old_sessions()
    {
        using var account = await TestAccount.RegisterAsync(app);
        var link = await LinkAsync(account.Email);
        using var client = app.CreateClient();

        var first = await client.SubmitFormAsync(link, "reset-password", NewPasswordForm(NewPassword));
        var second = await client.SubmitFormAsync(link, "reset-password", NewPasswordForm("Yet-another-one-4"));

        Assert.NotNull(await first.TextOfAsync("reset-message"));
        Assert.Equal(ResetPassword.InvalidLinkMessage, await second.TextOfAsync("reset-error"));
        Assert.Equal(HttpStatusCode.Redirect, (await account.Client.GetAsync($"/w/{account.PersonalWorkspaceId}")).StatusCode);
        Assert.NotNull((await client.SubmitLoginAsync(account.Email, NewPassword)).AuthSetCookie());
    }

    [Fact]
    public async Task A_tampered_link_changes_nothing()
    {
        using var account = await TestAccount.RegisterAsync(app);
        var link = await LinkAsync(account.Email);
        using var client = app.CreateClient();

        var response = await client.SubmitFormAsync(link[..^4] + "AAAA", "reset-password", NewPasswordForm(NewPassword));

        Assert.Equal(ResetPassword.InvalidLinkMessage, await response.TextOfAsync("reset-error"));
        Assert.Equal(HttpStatusCode.OK, (await account.Client.GetAsync($"/w/{account.PersonalWorkspaceId}")).StatusCode);
    }

    [Fact]
    public async Task Without_mail_settings_forgot_password_sends_people_to_an_admin()
    {
        using var client = app.CreateClient();

        var page = await client.GetAsync("/account/forgot-password");

        Assert.Equal("This server does not send mail. Ask an administrator of this Sosyabot for a password reset link.", await page.TextOfAsync("no-mail"));
        Assert.Null(HtmlForms.Parse(await page.Content.ReadAsStringAsync()).QuerySelector("form input[id=email]"));
    }

    private async Task<string> LinkAsync(string email)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        return new Uri(await scope.ServiceProvider.GetRequiredService<PasswordResetLinks>().CreateAsync(user!)).PathAndQuery;
    }

    // The fields of the form a reset link opens.
    public static Dictionary<string, string> NewPasswordForm(string password) => new()
    {
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };
}
