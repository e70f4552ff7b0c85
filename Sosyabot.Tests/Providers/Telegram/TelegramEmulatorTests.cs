using System.Net;
using System.Text.Json;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.Telegram;

namespace Sosyabot.Tests.Providers.Telegram;

// The emulator takes every request style the Bot API takes, and answers like it.
public class TelegramEmulatorTests : IAsyncLifetime
{
    private ProviderEmulator _emulator = default!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _emulator = await ProviderEmulator.StartAsync(new TelegramEmulator());

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> ReadAsync(HttpResponseMessage response)
    {
        using (response)
            return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task Get_with_a_query_and_post_with_a_form_both_work()
    {
        var telegram = _emulator.Platform<TelegramEmulator>();
        var bot = telegram.CreateBot();
        var channel = telegram.CreateChannel("Styles", "styles_channel");
        telegram.MakeAdmin(channel, bot);

        var (getStatus, get) = await ReadAsync(await _http.GetAsync(_emulator.Url($"/telegram/bot{bot.Token}/getChat?chat_id=@styles_channel")));
        var (postStatus, post) = await ReadAsync(await _http.PostAsync(_emulator.Url($"/telegram/bot{bot.Token}/getChatMember"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["chat_id"] = channel.Id.ToString(), ["user_id"] = bot.Id.ToString() })));

        Assert.Equal(HttpStatusCode.OK, getStatus);
        Assert.Equal(channel.Id, get.GetProperty("result").GetProperty("id").GetInt64());
        Assert.Equal(HttpStatusCode.OK, postStatus);
        Assert.Equal("administrator", post.GetProperty("result").GetProperty("status").GetString());
        Assert.True(post.GetProperty("result").GetProperty("can_post_messages").GetBoolean());
    }

    [Fact]
    public async Task Unknown_tokens_methods_and_paths_get_the_real_error_bodies()
    {
        var bot = _emulator.Platform<TelegramEmulator>().CreateBot();

        var (tokenStatus, token) = await ReadAsync(await _http.GetAsync(_emulator.Url("/telegram/bot123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/getMe")));
        var (methodStatus, method) = await ReadAsync(await _http.GetAsync(_emulator.Url($"/telegram/bot{bot.Token}/noSuchMethod")));
        var (pathStatus, _) = await ReadAsync(await _http.GetAsync(_emulator.Url("/telegram/getMe")));

        Assert.Equal(HttpStatusCode.Unauthorized, tokenStatus);
        Assert.Equal("""{"ok":false,"error_code":401,"description":"Unauthorized"}""", token.GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, methodStatus);
        Assert.False(method.GetProperty("ok").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, pathStatus);
    }

    [Theory]
    [InlineData("", 400, "Bad Request: message text is empty")]
    [InlineData("   ", 400, "Bad Request: message text is empty")]
    [InlineData(null, 400, "Bad Request: message is too long")]
    public async Task Send_message_refuses_text_the_bot_api_refuses(string? text, int code, string description)
    {
        var telegram = _emulator.Platform<TelegramEmulator>();
        var bot = telegram.CreateBot();
        var channel = telegram.CreateChannel("Limits", "limits_channel");
        telegram.MakeAdmin(channel, bot);

        var (status, body) = await ReadAsync(await _http.PostAsync(_emulator.Url($"/telegram/bot{bot.Token}/sendMessage"),
            JsonContent(new { chat_id = channel.Id, text = text ?? new string('x', 4097) })));

        Assert.Equal((HttpStatusCode)code, status);
        Assert.False(body.GetProperty("ok").GetBoolean());
        Assert.Equal(code, body.GetProperty("error_code").GetInt32());
        Assert.Equal(description, body.GetProperty("description").GetString());
        Assert.Empty(channel.Messages);
    }

    [Fact]
    public async Task Send_message_refuses_a_bot_that_may_not_post_and_records_what_it_accepts()
    {
        var telegram = _emulator.Platform<TelegramEmulator>();
        var bot = telegram.CreateBot();
        var outsider = telegram.CreateBot();
        var channel = telegram.CreateChannel("Rights", "rights_channel");
        telegram.MakeAdmin(channel, bot);
        var url = _emulator.Url($"/telegram/bot{outsider.Token}/sendMessage");

        var (refusedStatus, refused) = await ReadAsync(await _http.PostAsync(url, JsonContent(new { chat_id = channel.Id, text = "Hi" })));
        var (okStatus, ok) = await ReadAsync(await _http.PostAsync(_emulator.Url($"/telegram/bot{bot.Token}/sendMessage"),
            JsonContent(new { chat_id = channel.Id, text = "Hi", disable_notification = true })));

        Assert.Equal(HttpStatusCode.Forbidden, refusedStatus);
        Assert.Equal("Forbidden: bot is not a member of the channel chat", refused.GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.OK, okStatus);
        var message = Assert.Single(channel.Messages);
        Assert.Equal(message.MessageId, ok.GetProperty("result").GetProperty("message_id").GetInt64());
        Assert.True(message.Silent);
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
