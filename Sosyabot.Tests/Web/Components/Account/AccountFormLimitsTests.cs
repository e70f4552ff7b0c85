using System.Net;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Web.Components.Account;

// The account forms post without a circuit, so the browser's maxlength is only a courtesy: the server checks too.
public class AccountFormLimitsTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string LongEmail = new string('a', 300) + "@example.test";

    [Fact]
    public async Task Registering_with_a_too_long_email_says_so_and_creates_no_account()
    {
        using var client = app.CreateClient();

        var response = await client.SubmitFormAsync("/account/register", "register", new Dictionary<string, string>
        {
            ["Input.Email"] = LongEmail,
            ["Input.Password"] = TestAccount.DefaultPassword,
            ["Input.ConfirmPassword"] = TestAccount.DefaultPassword,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("An email address has at most 256 characters.", await response.Content.ReadAsStringAsync());
        await using var db = TestDb.CreateContext(app.ConnectionString);
        Assert.DoesNotContain(db.Users, u => u.Email == LongEmail);
    }

    [Fact]
    public async Task Signing_in_with_a_too_long_password_says_so()
    {
        using var client = app.CreateClient();

        var response = await client.SubmitFormAsync("/account/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = TestData.UniqueEmail(),
            ["Input.Password"] = new string('p', 40_000),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("A password has at most 128 characters.", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/account/login", "email", 256)]
    [InlineData("/account/login", "password", 128)]
    [InlineData("/account/register", "email", 256)]
    [InlineData("/account/register", "confirm-password", 128)]
    public async Task The_fields_carry_the_limits_the_server_checks(string page, string field, int limit)
    {
        using var client = app.CreateClient();

        var html = HtmlForms.Parse(await client.GetStringAsync(page));

        Assert.Equal(limit.ToString(), html.QuerySelector($"#{field}")?.GetAttribute("maxlength"));
    }
}
