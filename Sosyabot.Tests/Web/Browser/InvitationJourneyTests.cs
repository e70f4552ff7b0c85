using Microsoft.Playwright;
using Sosyabot.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Sosyabot.Tests.Web.Browser;

public class InvitationJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_owner_invites_an_address_whose_owner_signs_up_and_accepts()
    {
        var owner = await browser.NewPageAsync();
        var invitee = await browser.NewPageAsync();
        try
        {
            var inviteeEmail = TestData.UniqueEmail("invitee");
            var team = await owner.RegisterAsync(TestData.UniqueEmail("owner"));
            await owner.GotoAsync(owner.Url + "/members");
            await Expect(owner.Locator("[data-testid=interactive]")).ToBeAttachedAsync();
            await owner.Locator("[data-testid=invite-email]").FillAsync(inviteeEmail);
            await owner.Locator("[data-testid=invite-email]").PressAsync("Tab");
            await owner.Locator("[data-testid=invite]").ClickAsync();
            await Expect(owner.Locator("[data-testid=invite-sent]")).ToContainTextAsync($"Invitation sent to {inviteeEmail}.");
            await Expect(owner.Locator("[data-testid=invitations]")).ToContainTextAsync(inviteeEmail);

            // Before accepting, the invitee lands on their own workspace and the team's is not theirs.
            var personal = await invitee.RegisterAsync(inviteeEmail);
            var invitation = invitee.Locator("[data-testid=pending-invitation]");
            await Expect(invitation).ToContainTextAsync(team);
            await invitee.Locator("[data-testid=accept-invitation]").ClickAsync();

            await Expect(invitee.Locator("[data-testid=workspace-title]")).ToHaveTextAsync(team);
            await Expect(invitee.Locator("text=Your role: Editor")).ToBeVisibleAsync();
            Assert.NotEqual(personal, team);
        }
        finally
        {
            await owner.Context.CloseAsync();
            await invitee.Context.CloseAsync();
        }
    }
}
