using System.Net;
using Sosyabot.Core.Accounts;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Web.Components.Account;

public class ClosedRegistrationPageTests(ClosedRegistrationPageTests.ClosedAppFixture app) : IClassFixture<ClosedRegistrationPageTests.ClosedAppFixture>
{
    // One test, because its steps depend on the order: the install is empty only until its first user.
    [Fact]
    public async Task Closed_sign_up_lets_the_first_user_in_then_says_it_is_closed_and_hides_the_register_link()
    {
        using var anonymous = app.CreateClient();
        Assert.NotNull(await FormOnAsync(anonymous, "/account/register"));
        Assert.Contains("/account/register", await anonymous.GetStringAsync("/account/login"));

        using var first = await TestAccount.RegisterAsync(app);

        var register = HtmlForms.Parse(await anonymous.GetStringAsync("/account/register"));
        Assert.Equal(RegistrationPolicy.ClosedMessage, register.QuerySelector("[data-testid=registration-closed]")?.TextContent.Trim());
        Assert.Null(register.QuerySelector("input#password"));
        var login = HtmlForms.Parse(await anonymous.GetStringAsync("/account/login"));
        Assert.Empty(login.QuerySelectorAll("a[href^='/account/register']"));
        // Posting the form anyway creates no account.
        var second = await anonymous.PostAsync("/account/register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [HtmlForms.AntiforgeryField] = await anonymous.AntiforgeryTokenAsync("/account/login"),
            ["_handler"] = "register",
            ["Input.Email"] = TestData.UniqueEmail("late"),
            ["Input.Password"] = TestAccount.DefaultPassword,
            ["Input.ConfirmPassword"] = TestAccount.DefaultPassword,
        }));
        Assert.NotEqual(HttpStatusCode.Redirect, second.StatusCode);
        await using var db = TestDb.CreateContext(app.ConnectionString);
        Assert.Single(db.Users);
    }

    private static async Task<string?> FormOnAsync(HttpClient client, string url) =>
        HtmlForms.Parse(await client.GetStringAsync(url)).QuerySelector("input#password")?.OuterHtml;

    public sealed class ClosedAppFixture : AppFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?> { ["Registration:Mode"] = "Closed" };
    }
}
