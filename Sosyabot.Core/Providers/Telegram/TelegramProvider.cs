using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sosyabot.Core.Providers.Http;
using static Sosyabot.Core.Providers.Telegram.TelegramDefaults;

namespace Sosyabot.Core.Providers.Telegram;

// A bot token from @BotFather plus the channel or group it posts to. The bot must already be in the
// chat with the right to post; that is checked here so a channel that cannot publish is never saved.
// The token never expires (it is only regenerated in @BotFather), so there is no refresher.
public sealed partial class TelegramProvider(ProviderApiFactory apis) : ICredentialsProvider
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public PlatformInfo Info => TelegramDefaults.Info;

    public IReadOnlyList<string> MissingSettings => [];

    public IReadOnlyList<CredentialField> Fields => TelegramDefaults.Fields;

    public async Task<ConnectedAccount> ValidateAsync(IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        var token = values.GetValueOrDefault(BotTokenField)?.Trim() ?? "";
        // Also keeps anything but a token out of the request path.
        if (!BotToken().IsMatch(token))
            throw new InvalidRequestException("That is not a Telegram bot token. @BotFather gives tokens like 123456789:AAE… (digits, a colon, then about 35 characters); copy the whole token.");
        object chatId = ChatIdOf(values.GetValueOrDefault(ChatField));

        var api = apis.Create(ProviderClients.For(Key), TelegramDefaults.Info.DisplayName, new TelegramErrorInspector(atConnect: true));
        var bot = await CallAsync<TelegramUser>(api, token, "getMe", new(), ct);
        var chat = await CallAsync<TelegramChat>(api, token, "getChat", new() { ["chat_id"] = chatId }, ct);
        var member = await CallAsync<TelegramChatMember>(api, token, "getChatMember", new() { ["chat_id"] = chat.Id, ["user_id"] = bot.Id }, ct);
        EnsureCanPost(chat, member, bot);

        var settings = new JsonObject
        {
            ["chat_type"] = chat.Type,
            ["bot_id"] = bot.Id,
            ["bot_username"] = bot.Username,
            // Kept so the avatar can later be served through our own proxy; see AvatarUrl below.
            ["photo_file_id"] = chat.Photo?.BigFileId,
        };
        return new ConnectedAccount(
            chat.Id.ToString(CultureInfo.InvariantCulture),
            chat.Title ?? (chat.Username is null ? chat.Id.ToString(CultureInfo.InvariantCulture) : "@" + chat.Username),
            chat.Username,
            // No avatar: a chat photo is only reachable at https://api.telegram.org/file/bot<token>/<path>
            // (getFile), so its URL carries the bot token and would leak it into pages, logs and the DB.
            AvatarUrl: null,
            new TokenSet(token),
            settings);
    }

    // @username or a numeric id; t.me links are accepted and turned into the @username.
    private static object ChatIdOf(string? input)
    {
        var text = input?.Trim() ?? "";
        foreach (var prefix in (string[])["https://t.me/", "http://t.me/", "t.me/"])
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) text = "@" + text[prefix.Length..].TrimEnd('/');
        if (ChatId().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)) return id;
        if (!text.StartsWith('@') && text.Length > 0) text = "@" + text;
        return ChatUsername().IsMatch(text)
            ? text
            : throw new InvalidRequestException("Enter the channel as @channelusername, or the numeric chat id like -1001234567890.");
    }

    // Channels: only administrators post, and only with the "Post messages" right. Groups: an
    // administrator, or a member while the group lets members send messages.
    private static void EnsureCanPost(TelegramChat chat, TelegramChatMember member, TelegramUser bot)
    {
        var name = chat.Title ?? "that chat";
        var botName = bot.Username is null ? "the bot" : "@" + bot.Username;
        var problem = (chat.Type, member.Status) switch
        {
            ("private", _) => "That is a private chat with a person. Enter a channel's @username or a group's id instead.",
            (_, "creator") => null,
            ("channel", "administrator") when member.CanPostMessages == true => null,
            ("channel", "administrator") => $"{botName} is an administrator of {name} but lacks the “Post messages” right. Give it that right in the channel's administrator settings, then connect again.",
            ("channel", _) => $"{botName} is not an administrator of {name}. Add it to the channel as an administrator with the “Post messages” right, then connect again.",
            (_, "administrator") => null,
            (_, "member") when chat.Permissions?.CanSendMessages != false => null,
            (_, "restricted") when member.IsMember == true && member.CanSendMessages == true => null,
            (_, "member" or "restricted") => $"{botName} is not allowed to send messages in {name}. Make it an administrator of the group, then connect again.",
            _ => $"{botName} is not a member of {name}. Add it to the group (as an administrator is best), then connect again.",
        };
        if (problem is not null) throw new ProviderException(ProviderErrorKind.Rejected, problem);
    }

    // Connecting only reads (getMe, getChat, getChatMember), through POST as the Bot API likes.
    private static Task<T> CallAsync<T>(ProviderApi api, string token, string method, Dictionary<string, object> parameters, CancellationToken ct) =>
        SendAsync<T>(api, new HttpRequestMessage(HttpMethod.Post, $"{ApiBase}/bot{token}/{method}") { Content = JsonContent.Create(parameters) }.MarkRepeatable(), method, ct);

    private static async Task<T> SendAsync<T>(ProviderApi api, HttpRequestMessage request, string method, CancellationToken ct, TimeSpan? timeout = null)
    {
        var json = await api.SendForJsonAsync(request, ct, timeout);
        TelegramResponse<T>? answer = null;
        try
        {
            answer = json.Deserialize<TelegramResponse<T>>(Json);
        }
        catch (JsonException)
        {
            // Reported below as an answer without a result.
        }
        return answer is { Ok: true, Result: { } result }
            ? result
            // A sendMessage answered this way did reach Telegram: whether it posted is not known.
            : throw new ProviderException(ProviderRequests.MayHaveSideEffects(request) ? ProviderErrorKind.Unknown : ProviderErrorKind.Transient,
                $"Telegram answered {method} without a result. Try again in a few minutes.");
    }
}
