using System.Net;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Web.Components.Account;

public class RegisterPageTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Registering_through_the_form_signs_the_user_in_and_lands_on_their_workspace()
    {
        using var client = app.CreateClient();
        var email = TestData.UniqueEmail("newcomer");

        var response = await client.SubmitFormAsync("/account/register", "register", Fields(email, TestAccount.DefaultPassword));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.RedirectTarget());
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("sosyabot.auth=", StringComparison.Ordinal));
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        var workspacePage = await client.GetStringAsync(home.RedirectTarget());
        var title = HtmlForms.Parse(workspacePage).QuerySelector("[data-testid=workspace-title]");
        Assert.Equal($"{email.Split('@')[0]}'s workspace", title?.TextContent.Trim());
    }

    [Fact]
    public async Task Mismatched_passwords_show_an_error_and_create_no_account()
    {
        using var client = app.CreateClient();
        var email = TestData.UniqueEmail();
        var fields = Fields(email, TestAccount.DefaultPassword);
        fields["Input.ConfirmPassword"] = "Something-else-1";

        var response = await client.SubmitFormAsync("/account/register", "register", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The passwords do not match.", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("sosyabot.auth=")));
        await using var db = TestDb.CreateContext(app.ConnectionString);
        Assert.DoesNotContain(db.Users, u => u.Email == email);
    }

    [Fact]
    public async Task A_taken_email_shows_the_error_on_the_form()
    {
        using var existing = await TestAccount.RegisterAsync(app);
        using var client = app.CreateClient();

        var response = await client.SubmitFormAsync("/account/register", "register", Fields(existing.Email, TestAccount.DefaultPassword));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = HtmlForms.Parse(await response.Content.ReadAsStringAsync()).QuerySelectorAll("[data-testid=register-error]");
        Assert.Contains(errors, e => e.TextContent.Contains($"'{existing.Email}' is already taken"));
    }

    private static Dictionary<string, string> Fields(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };
}
