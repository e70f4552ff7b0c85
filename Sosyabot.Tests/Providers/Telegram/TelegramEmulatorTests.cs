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
}
