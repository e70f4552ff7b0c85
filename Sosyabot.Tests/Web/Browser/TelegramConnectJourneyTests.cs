using Microsoft.Playwright;
using Sosyabot.Tests.Emulator.Telegram;
using Sosyabot.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Sosyabot.Tests.Web.Browser;

public class TelegramConnectJourneyTests(EmulatedBrowserFixture browser) : IClassFixture<EmulatedBrowserFixture>, IAsyncLifetime
{
    private IPage _page = default!;

    public async Task InitializeAsync() => _page = await browser.NewPageAsync();

    public Task DisposeAsync() => _page.Context.CloseAsync();

    [Fact]
    public async Task A_bot_token_connect_says_what_was_connected_and_its_disconnect_says_how_to_revoke_the_token()
    {
        var telegram = browser.Emulator.Platform<TelegramEmulator>();
        var bot = telegram.CreateBot();
        var channel = telegram.CreateChannel("Release notes", $"notes_{Guid.NewGuid():N}"[..20]);
        telegram.MakeAdmin(channel, bot, canPostMessages: true);
        await _page.RegisterAsync(TestData.UniqueEmail("telegram"));
        await _page.GotoAsync(_page.Url + "/channels");
        await Expect(_page.Locator("[data-testid=interactive]")).ToBeAttachedAsync();

        await _page.Locator("[data-testid=connect-menu] button").ClickAsync();
        await _page.Locator("[data-testid=connect-telegram-Credentials]").ClickAsync();
        await _page.Locator("input[data-testid=field-bot_token]").FillAsync(bot.Token);
        // The menu closed when its item opened the dialog; it does not linger behind it.
        await Expect(_page.Locator("[data-testid=connect-telegram-Credentials]")).ToBeHiddenAsync();
        await _page.Locator("input[data-testid=field-chat]").FillAsync("@" + channel.Username);
        await _page.Locator("[data-testid=connect-submit]").ClickAsync();

        await Expect(_page.Locator("[data-testid=channels-message]")).ToHaveTextAsync("Connected Release notes on Telegram.");
        var row = _page.Locator("[data-testid=channel-row]");
        await Expect(row.Locator("[data-testid=channel-name]")).ToHaveTextAsync("Release notes");

        await row.Locator("[data-testid=channel-actions] button").ClickAsync();
        await _page.Locator("[data-testid=disconnect]").ClickAsync();
        await Expect(_page.Locator("[data-testid=revoke-note]")).ToContainTextAsync("send /revoke to @BotFather");
        await Expect(_page.Locator("[data-testid=disconnect]")).ToBeHiddenAsync();
    }
}
