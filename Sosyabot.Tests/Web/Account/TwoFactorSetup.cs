using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Web.Account;

// Turns on two-factor sign-in through the real page, as a user with an authenticator app would.
public static class TwoFactorSetup
{
    public static async Task<string> AuthenticatorKeyAsync(this HttpClient client)
    {
        var page = HtmlForms.Parse(await client.GetStringAsync("/account/two-factor"));
        return page.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Replace(" ", "").Trim();
    }

    // Returns the authenticator key and the recovery codes the page shows once.
    public static async Task<(string Key, List<string> RecoveryCodes)> EnableTwoFactorAsync(this HttpClient client)
    {
        var key = await client.AuthenticatorKeyAsync();
        var response = await client.SubmitFormAsync("/account/two-factor", "enable-two-factor", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });
        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        var codes = page.QuerySelectorAll("[data-testid=recovery-codes] .mud-typography").Select(e => e.TextContent.Trim()).ToList();
        return (key, codes);
    }
}
