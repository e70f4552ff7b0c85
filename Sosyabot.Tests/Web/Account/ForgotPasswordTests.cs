using System.Net;
using System.Text.RegularExpressions;
using Sosyabot.Tests.TestSupport;
using Sosyabot.Web.Components.Account.Pages;

namespace Sosyabot.Tests.Web.Account;

// The app with SMTP settings pointing at a test mail server on loopback.
public sealed class SmtpAppFixture : AppFixture
{
    public SmtpTestServer Smtp { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Smtp.Port.ToString(),
        ["Smtp:From"] = "sosyabot@example.test",
        ["Smtp:EnableSsl"] = "false",
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public partial class ForgotPasswordTests(SmtpAppFixture app) : IClassFixture<SmtpAppFixture>
{
    [Fact]
    public async Task A_user_gets_a_mail_with_a_link_that_sets_a_new_password()
    {
        using var account = await TestAccount.RegisterAsync(app);
        using var client = app.CreateClient();

        var response = await client.SubmitFormAsync("/account/forgot-password", "forgot-password", Email(account.Email));

        Assert.Equal(ForgotPassword.SentMessage, await response.TextOfAsync("forgot-message"));
        ReceivedMail? mail = null;
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult((mail = app.Smtp.Messages.FirstOrDefault(m => m.Recipients.Contains(account.Email))) is not null)));
        var link = new Uri(ResetLink().Match(mail!.Data).Value).PathAndQuery;
        var reset = await client.SubmitFormAsync(link, "reset-password", PasswordResetLinkTests.NewPasswordForm("Mailed-password-5"));
        Assert.NotNull(await reset.TextOfAsync("reset-message"));
        Assert.NotNull((await client.SubmitLoginAsync(account.Email, "Mailed-password-5")).AuthSetCookie());
    }

    [Fact]
    public async Task An_email_without_an_account_gets_the_same_page_and_no_mail()
    {
        using var known = await TestAccount.RegisterAsync(app);
        var unknown = TestData.UniqueEmail("nobody");
        using var client = app.CreateClient();

        var forUnknown = await client.SubmitFormAsync("/account/forgot-password", "forgot-password", Email(unknown));
        var forKnown = await client.SubmitFormAsync("/account/forgot-password", "forgot-password", Email(known.Email));

        Assert.Equal(HttpStatusCode.OK, forUnknown.StatusCode);
        Assert.Equal(await forKnown.TextOfAsync("forgot-message"), await forUnknown.TextOfAsync("forgot-message"));
        // The known address's mail arriving shows the sender has dealt with the queue, the unknown one included.
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(app.Smtp.Messages.Any(m => m.Recipients.Contains(known.Email)))));
        Assert.DoesNotContain(app.Smtp.Messages, m => m.Recipients.Contains(unknown));
    }

    private static Dictionary<string, string> Email(string email) => new() { ["Input.Email"] = email };

    [GeneratedRegex(@"http\S+/account/reset-password\?\S+")]
    private static partial Regex ResetLink();
}
