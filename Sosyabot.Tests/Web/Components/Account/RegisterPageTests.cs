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

    [Theory]
    [InlineData("\"quoted+tag\"@example.test")]
    [InlineData("plus+tag@example.test")]
    [InlineData("çağrı@örnek.test")]
    public async Task Any_valid_email_address_registers(string email)
    {
        using var client = app.CreateClient();

        var response = await client.SubmitFormAsync("/account/register", "register", Fields(email, TestAccount.DefaultPassword));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = TestDb.CreateContext(app.ConnectionString);
        Assert.Contains(db.Users, u => u.Email == email);
    }

    [Theory]
    [InlineData("a@", "'a@' is not an email address")]
    [InlineData("@b", "'@b' is not an email address")]
    [InlineData("a b@c", "'a b@c' is not an email address")]
    [InlineData("", "Enter your email address.")]
    public async Task A_malformed_email_address_gets_a_true_message(string email, string message)
    {
        var errors = await RefusedAsync(email, TestAccount.DefaultPassword);

        Assert.Contains(errors, e => e.StartsWith(message, StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("letters or digits"));
    }

    [Theory]
    [InlineData(7, "The password needs at least 8 characters.")]
    [InlineData(129, "The password can have at most 128 characters.")]
    public async Task A_password_of_the_wrong_length_gets_a_true_message(int length, string message)
    {
        var errors = await RefusedAsync(TestData.UniqueEmail("length"), new string('p', length));

        Assert.Equal([message], errors);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(101)]
    [InlineData(128)]
    public async Task A_password_of_8_to_128_characters_registers(int length)
    {
        using var client = app.CreateClient();

        var response = await client.SubmitFormAsync("/account/register", "register", Fields(TestData.UniqueEmail("length"), new string('p', length)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    // The form's own messages and the service's, as the page shows them.
    private async Task<List<string>> RefusedAsync(string email, string password)
    {
        using var client = app.CreateClient();
        var response = await client.SubmitFormAsync("/account/register", "register", Fields(email, password));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        await using var db = TestDb.CreateContext(app.ConnectionString);
        Assert.DoesNotContain(db.Users, u => u.Email == email);
        return page.QuerySelectorAll("[data-testid=register-error], .validation-message, .mud-input-helper-text").Select(e => e.TextContent.Trim()).ToList();
    }

    private static Dictionary<string, string> Fields(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };
}
