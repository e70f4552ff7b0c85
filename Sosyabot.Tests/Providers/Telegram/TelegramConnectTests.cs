using Sosyabot.Core.Providers;
using Sosyabot.Core;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Telegram;
using Sosyabot.Core.Webhooks;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.Telegram;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.Telegram;

public class TelegramConnectTests(EmulatedAppFixture fixture) : IClassFixture<EmulatedAppFixture>
{
    private TelegramEmulator Telegram => fixture.Emulator.Platform<TelegramEmulator>();
    private IServiceProvider Services => fixture.Factory.Services;

    private Task<Channel> ConnectAsync(TestUser user, string token, string chat) =>
        CredentialChannels.ConnectAsync(Services, user, TelegramDefaults.Key, new Dictionary<string, string> { ["bot_token"] = token, ["chat"] = chat });

    private static string UniqueName(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..20];

    private async Task AssertNothingSavedAsync(TestUser user, params string[] secrets)
    {
        Assert.Empty(await CredentialChannels.ListAsync(Services, user.WorkspaceId, TelegramDefaults.Key));
        var stored = await CredentialChannels.StoredTextAsync(Services, user.WorkspaceId);
        foreach (var secret in secrets) Assert.DoesNotContain(secret, stored);
    }

    [Fact]
    public async Task Connecting_a_channel_where_the_bot_may_post_saves_it_with_the_token_encrypted()
    {
        var user = await TestUsers.CreateAsync(Services);
        var bot = Telegram.CreateBot();
        var channel = Telegram.CreateChannel("Release notes", UniqueName("notes_"));
        Telegram.MakeAdmin(channel, bot, canPostMessages: true);

        var saved = await ConnectAsync(user, bot.Token, "@" + channel.Username);

        Assert.Equal(channel.Id.ToString(), saved.Pid);
        Assert.Equal("Release notes", saved.DisplayName);
        Assert.Equal(channel.Username, saved.Username);
        // The only avatar URL Telegram offers embeds the bot token, so none is stored.
        Assert.Null(saved.AvatarUrl);
        Assert.Equal(LoginType.ApiToken, saved.LoginType);
        Assert.Null(saved.TokenExpiresAt);
        Assert.Equal("channel", saved.Settings["chat_type"]!.GetValue<string>());
        Assert.Equal(bot.Id, saved.Settings["bot_id"]!.GetValue<long>());
        Assert.Equal($"AQADbig{channel.Id}", saved.Settings["photo_file_id"]!.GetValue<string>());

        Assert.Equal(bot.Token, (await CredentialChannels.TokensAsync(Services, saved.Id)).AccessToken);
        Assert.DoesNotContain(bot.Token, await CredentialChannels.StoredTextAsync(Services, user.WorkspaceId));
        Assert.Single(await CredentialChannels.EventsAsync(Services, user.WorkspaceId, WebhookEventTypes.AccountConnected));

        var calls = fixture.Emulator.Requests.Where(r => r.Path.StartsWith($"/telegram/bot{bot.Token}/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["getMe", "getChat", "getChatMember"], calls.Select(r => r.Path.Split('/')[^1]));
        Assert.Contains($"\"user_id\":{bot.Id}", calls[2].Body);
        Assert.DoesNotContain(calls, r => r.Path.EndsWith("/getFile", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_chat_by_id_or_by_username_is_one_channel_updated_in_place()
    {
        var user = await TestUsers.CreateAsync(Services);
        var bot = Telegram.CreateBot();
        var channel = Telegram.CreateChannel("Announcements", UniqueName("ann_"));
        Telegram.MakeAdmin(channel, bot);

        var first = await ConnectAsync(user, bot.Token, channel.Id.ToString());
        await CredentialChannels.MarkNeedsReconnectAsync(Services, first.Id);
        // The token was regenerated in @BotFather; the user reconnects with the new one, by t.me link.
        var renewed = Telegram.RevokeToken(bot);
        var second = await ConnectAsync(user, renewed.Token, $"https://t.me/{channel.Username}");

        Assert.Equal(first.Id, second.Id);
        var saved = Assert.Single(await CredentialChannels.ListAsync(Services, user.WorkspaceId, TelegramDefaults.Key));
        Assert.Equal(ChannelStatus.Active, saved.Status);
        Assert.Equal(renewed.Token, (await CredentialChannels.TokensAsync(Services, saved.Id)).AccessToken);
    }

    [Fact]
    public async Task An_unknown_token_is_refused_as_not_valid_without_echoing_it()
    {
        var user = await TestUsers.CreateAsync(Services);
        var bot = Telegram.CreateBot();
        var channel = Telegram.CreateChannel("Somewhere", UniqueName("sw_"));
        Telegram.MakeAdmin(channel, bot);
        var revoked = bot.Token;
        Telegram.RevokeToken(bot);

        var error = await Assert.ThrowsAsync<ProviderException>(() => ConnectAsync(user, revoked, "@" + channel.Username));

        Assert.Equal(ProviderErrorKind.Rejected, error.Kind);
        Assert.Contains("bot token is not valid", error.Message);
        Assert.DoesNotContain(revoked, error.Message);
        await AssertNothingSavedAsync(user, revoked);
    }

    [Theory]
    [InlineData("123456:short")]
    [InlineData("not a token")]
    [InlineData("123456789:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/../getMe")]
    public async Task Something_that_is_not_a_bot_token_is_refused_before_Telegram_is_asked(string token)
    {
        var user = await TestUsers.CreateAsync(Services);
        var before = fixture.Emulator.Requests.Count;

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => ConnectAsync(user, token, "@anything_here"));

        Assert.Contains("@BotFather", error.Message);
        Assert.DoesNotContain(token, error.Message);
        Assert.Equal(before, fixture.Emulator.Requests.Count);
        await AssertNothingSavedAsync(user);
    }

    [Fact]
    public async Task A_bot_that_is_not_an_administrator_of_the_channel_is_refused_and_nothing_is_saved()
    {
        var user = await TestUsers.CreateAsync(Services);
        var bot = Telegram.CreateBot();
        var channel = Telegram.CreateChannel("Public channel", UniqueName("pub_"));

        var error = await Assert.ThrowsAsync<ProviderException>(() => ConnectAsync(user, bot.Token, "@" + channel.Username));

        Assert.Equal(ProviderErrorKind.Rejected, error.Kind);
        Assert.Contains($"@{bot.Username} is not an administrator of Public channel", error.Message);
        await AssertNothingSavedAsync(user, bot.Token);
    }

    [Fact]
    public async Task An_administrator_without_the_post_right_is_told_which_right_to_give()
    {
        var user = await TestUsers.CreateAsync(Services);
        var bot = Telegram.CreateBot();
        var channel = Telegram.CreateChannel("Read only", UniqueName("ro_"));
        Telegram.MakeAdmin(channel, bot, canPostMessages: false);

        var error = await Assert.ThrowsAsync<ProviderException>(() => ConnectAsync(user, bot.Token, "@" + channel.Username));

        Assert.Contains("“Post messages” right", error.Message);
        await AssertNothingSavedAsync(user, bot.Token);
    }

    [Fact]
    public async Task A_private_channel_the_bot_is_not_in_cannot_be_found()
    {
        var user = await TestUsers.CreateAsync(Services);
        var bot = Telegram.CreateBot();
        var channel = Telegram.CreateChannel("Private", username: null);

        var error = await Assert.ThrowsAsync<ProviderException>(() => ConnectAsync(user, bot.Token, channel.Id.ToString()));

        Assert.Equal(ProviderErrorKind.Rejected, error.Kind);
        Assert.Contains("cannot find that chat", error.Message);
        await AssertNothingSavedAsync(user, bot.Token);
    }

    [Fact]
    public async Task A_group_where_members_may_send_accepts_the_bot_as_a_member()
    {
        var user = await TestUsers.CreateAsync(Services);
        var bot = Telegram.CreateBot();
        var group = Telegram.CreateGroup("Team chat");
        Telegram.MakeMember(group, bot);

        var saved = await ConnectAsync(user, bot.Token, group.Id.ToString());

        Assert.Equal("Team chat", saved.DisplayName);
        Assert.Equal("supergroup", saved.Settings["chat_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_group_where_the_bot_may_not_send_is_refused()
    {
        var user = await TestUsers.CreateAsync(Services);
        var bot = Telegram.CreateBot();
        var quiet = Telegram.CreateGroup("Quiet group", membersCanSend: false);
        Telegram.MakeMember(quiet, bot);
        var muted = Telegram.CreateGroup("Muted group");
        Telegram.Restrict(muted, bot, canSendMessages: false);

        var first = await Assert.ThrowsAsync<ProviderException>(() => ConnectAsync(user, bot.Token, quiet.Id.ToString()));
        var second = await Assert.ThrowsAsync<ProviderException>(() => ConnectAsync(user, bot.Token, muted.Id.ToString()));

        Assert.Contains("not allowed to send messages in Quiet group", first.Message);
        Assert.Contains("not allowed to send messages in Muted group", second.Message);
        await AssertNothingSavedAsync(user, bot.Token);
    }

    [Fact]
    public async Task A_bot_kicked_from_the_group_is_refused_with_Telegrams_reason()
    {
        var user = await TestUsers.CreateAsync(Services);
        var bot = Telegram.CreateBot();
        var group = Telegram.CreateGroup("Old group", username: UniqueName("old_"));
        Telegram.Kick(group, bot);

        var error = await Assert.ThrowsAsync<ProviderException>(() => ConnectAsync(user, bot.Token, "@" + group.Username));

        Assert.Equal(ProviderErrorKind.Rejected, error.Kind);
        Assert.Contains("bot was kicked", error.Message);
        await AssertNothingSavedAsync(user, bot.Token);
    }

    [Fact]
    public async Task A_private_chat_with_a_person_is_not_a_channel()
    {
        var user = await TestUsers.CreateAsync(Services);
        var bot = Telegram.CreateBot();
        var person = Telegram.CreatePrivateChat("Ada", bot);

        var error = await Assert.ThrowsAsync<ProviderException>(() => ConnectAsync(user, bot.Token, person.Id.ToString()));

        Assert.Contains("private chat with a person", error.Message);
        await AssertNothingSavedAsync(user, bot.Token);
    }

    [Theory]
    [InlineData("bot_token", "Bot token is required.")]
    [InlineData("chat", "Channel or group is required.")]
    public async Task Each_required_field_is_named_when_missing(string missing, string message)
    {
        var user = await TestUsers.CreateAsync(Services);
        var values = new Dictionary<string, string> { ["bot_token"] = "123456789:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", ["chat"] = "@somewhere" };
        values.Remove(missing);

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => CredentialChannels.ConnectAsync(Services, user, TelegramDefaults.Key, values));

        Assert.Equal(message, error.Message);
        await AssertNothingSavedAsync(user);
    }

    [Fact]
    public async Task A_rate_limit_reports_Telegrams_retry_after()
    {
        var user = await TestUsers.CreateAsync(Services);
        var bot = Telegram.CreateBot();
        fixture.Emulator.Inject("POST", $"/telegram/bot{bot.Token}/getMe",
            new Fault(429, """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 17","parameters":{"retry_after":17}}"""));

        var error = await Assert.ThrowsAsync<ProviderException>(() => ConnectAsync(user, bot.Token, "@anything_here"));

        Assert.Equal(ProviderErrorKind.RateLimited, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(17), error.RetryAfter);
        await AssertNothingSavedAsync(user, bot.Token);
    }

    // Whatever Telegram or a proxy in between echoes, the token does not reach a message or the database.
    [Fact]
    public async Task The_token_never_reaches_an_error_message_or_the_database()
    {
        var user = await TestUsers.CreateAsync(Services);
        var bot = Telegram.CreateBot();
        var channel = Telegram.CreateChannel("Echo", UniqueName("echo_"));
        Telegram.MakeAdmin(channel, bot);
        fixture.Emulator.Inject("POST", $"/telegram/bot{bot.Token}/getChat",
            new Fault(400, $$"""{"ok":false,"error_code":400,"description":"Bad Request: can't parse request /bot{{bot.Token}}/getChat"}"""));
        fixture.Emulator.Inject("POST", $"/telegram/bot{bot.Token}/getChat",
            new Fault(502, $"<html><body>502 Bad Gateway for /bot{bot.Token}/getChat</body></html>", ContentType: "text/html"));

        var echoed = await Assert.ThrowsAsync<ProviderException>(() => ConnectAsync(user, bot.Token, "@" + channel.Username));
        var proxied = await Assert.ThrowsAsync<ProviderException>(() => ConnectAsync(user, bot.Token, "@" + channel.Username));
        await ConnectAsync(user, bot.Token, "@" + channel.Username);

        Assert.Equal(ProviderErrorKind.Rejected, echoed.Kind);
        Assert.Contains("bot***", echoed.Message);
        Assert.DoesNotContain(bot.Token, echoed.Message);
        Assert.Equal(ProviderErrorKind.Transient, proxied.Kind);
        Assert.DoesNotContain(bot.Token, proxied.Message);
        var stored = await CredentialChannels.StoredTextAsync(Services, user.WorkspaceId);
        Assert.DoesNotContain(bot.Token, stored);
        Assert.DoesNotContain(bot.Token.Split(':')[1], stored);
        Assert.NotEmpty(await CredentialChannels.EventsAsync(Services, user.WorkspaceId));
    }
}
