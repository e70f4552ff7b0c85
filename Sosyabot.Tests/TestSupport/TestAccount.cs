using System.Net;

namespace Sosyabot.Tests.TestSupport;

// A person registered through the real form, with an HttpClient that carries their sign-in cookie.
public sealed class TestAccount : IDisposable
{
    public const string DefaultPassword = "Sosyabot-test-1";

    private TestAccount(HttpClient client, string email, Guid personalWorkspaceId)
    {
        Client = client;
        Email = email;
        PersonalWorkspaceId = personalWorkspaceId;
    }

    public HttpClient Client { get; }
    public string Email { get; }
    public Guid PersonalWorkspaceId { get; }

    // Registration names the personal workspace after the part of the email before the @.
    public string PersonalWorkspaceName => $"{Email.Split('@')[0]}'s workspace";

    public static async Task<TestAccount> RegisterAsync(AppFixture app, string? email = null)
    {
        email ??= TestData.UniqueEmail();
        var client = app.CreateClient();
        var registered = await client.SubmitFormAsync("/account/register", "register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = DefaultPassword,
            ["Input.ConfirmPassword"] = DefaultPassword,
        });
        if (registered.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Registering {email} answered {registered.StatusCode}: {await registered.Content.ReadAsStringAsync()}");

        // The home page sends a signed-in user to their first workspace.
        var home = await client.GetAsync("/");
        var location = home.Headers.Location is null ? "" : home.RedirectTarget();
        if (home.StatusCode != HttpStatusCode.Redirect || !location.StartsWith("/w/", StringComparison.Ordinal))
            throw new InvalidOperationException($"After registering, / answered {home.StatusCode} to '{location}'.");
        return new TestAccount(client, email, Guid.Parse(location["/w/".Length..]));
    }

    public void Dispose() => Client.Dispose();
}
