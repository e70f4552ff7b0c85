using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Sosyabot.Tests.Emulator.Telegram;

// The Bot API at https://api.telegram.org/bot<token>/<method>: GET query, POST JSON or POST form, all
// answered {"ok":true,"result":…} or {"ok":false,"error_code":N,"description":"…"} as the real server
// does. Only a known, unrevoked token gets past 401; chats only show what the bot may see.
public sealed partial class TelegramEmulator : IPlatformEmulator
{
    private readonly ConcurrentDictionary<string, EmulatedTelegramBot> _bots = new();
    private readonly ConcurrentDictionary<long, EmulatedTelegramChat> _chats = new();
    private long _nextId = 7_000_000_000;

    public IReadOnlyDictionary<string, string> Hosts { get; } = new Dictionary<string, string> { ["https://api.telegram.org"] = "telegram/" };

    public EmulatedTelegramBot CreateBot(string? username = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var bot = new EmulatedTelegramBot(id, $"{id}:{RandomSecret()}", username ?? $"sosyabot_{id}_bot");
        _bots[bot.Token] = bot;
        return bot;
    }

    // @BotFather /revoke: the same bot gets a new token and the old one answers 401 from now on.
    public EmulatedTelegramBot RevokeToken(EmulatedTelegramBot bot)
    {
        _bots.TryRemove(bot.Token, out _);
        var renewed = bot with { Token = $"{bot.Id}:{RandomSecret()}" };
        _bots[renewed.Token] = renewed;
        return renewed;
    }

    public EmulatedTelegramChat CreateChannel(string title, string? username = null, bool withPhoto = true) =>
        AddChat(new EmulatedTelegramChat(-1_000_000_000_000 - Interlocked.Increment(ref _nextId), "channel", title, username, withPhoto));

    public EmulatedTelegramChat CreateGroup(string title, string? username = null, bool membersCanSend = true) =>
        AddChat(new EmulatedTelegramChat(-1_000_000_000_000 - Interlocked.Increment(ref _nextId), "supergroup", title, username, WithPhoto: false) { MembersCanSend = membersCanSend });

    // A person who has started the bot: the bot can see that chat.
    public EmulatedTelegramChat CreatePrivateChat(string firstName, EmulatedTelegramBot startedBot)
    {
        var chat = AddChat(new EmulatedTelegramChat(Interlocked.Increment(ref _nextId), "private", firstName, null, WithPhoto: false));
        chat.Members[startedBot.Id] = new EmulatedTelegramMembership("member", null, null);
        return chat;
    }

    public void MakeAdmin(EmulatedTelegramChat chat, EmulatedTelegramBot bot, bool canPostMessages = true) =>
        chat.Members[bot.Id] = new EmulatedTelegramMembership("administrator", canPostMessages, null);

    public void MakeMember(EmulatedTelegramChat chat, EmulatedTelegramBot bot) => chat.Members[bot.Id] = new EmulatedTelegramMembership("member", null, null);

    public void Restrict(EmulatedTelegramChat chat, EmulatedTelegramBot bot, bool canSendMessages) =>
        chat.Members[bot.Id] = new EmulatedTelegramMembership("restricted", null, canSendMessages);

    public void Kick(EmulatedTelegramChat chat, EmulatedTelegramBot bot) => chat.Members[bot.Id] = new EmulatedTelegramMembership("kicked", null, null);

    public void Map(IEndpointRouteBuilder routes, ProviderEmulator emulator)
    {
        routes.MapGet("/telegram/bot{token}/{method}", Handle);
        routes.MapPost("/telegram/bot{token}/{method}", Handle);
        // A path without a bot token is a 404 on the real server too.
        routes.MapFallback("/telegram/{**rest}", (HttpContext context) => Write(context, Error(404, "Not Found")));
    }

    private async Task Handle(HttpContext context)
    {
        var token = (string)context.Request.RouteValues["token"]!;
        var method = (string)context.Request.RouteValues["method"]!;
        if (!_bots.TryGetValue(token, out var bot))
        {
            await Write(context, Error(401, "Unauthorized"));
            return;
        }
        var parameters = await ParametersAsync(context.Request);
        var answer = method.ToLowerInvariant() switch
        {
            "getme" => Ok(new JsonObject { ["id"] = bot.Id, ["is_bot"] = true, ["first_name"] = "Sosyabot test", ["username"] = bot.Username, ["can_join_groups"] = true, ["can_read_all_group_messages"] = false, ["supports_inline_queries"] = false }),
            "getchat" => GetChat(bot, parameters),
            "getchatmember" => GetChatMember(bot, parameters),
            "sendmessage" => SendMessage(bot, parameters),
            "sendphoto" or "sendvideo" or "sendanimation" => SendMedia(bot, method, parameters, Files(context.Request)),
            "sendmediagroup" => SendMediaGroup(bot, parameters, Files(context.Request)),
            "getfile" => parameters.TryGetValue("file_id", out var fileId)
                ? Ok(new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "AQAD" + fileId.GetHashCode().ToString("x", CultureInfo.InvariantCulture), ["file_size"] = 20480, ["file_path"] = "photos/file_0.jpg" })
                : Error(400, "Bad Request: file_id not specified"),
            _ => Error(404, "Not Found"),
        };
        await Write(context, answer);
    }

    private (int Status, JsonObject Body) GetChat(EmulatedTelegramBot bot, Dictionary<string, string> parameters)
    {
        var (chat, error) = Visible(bot, parameters);
        if (chat is null) return error!.Value;
        var result = new JsonObject { ["id"] = chat.Id, ["type"] = chat.Type };
        result[chat.Type == "private" ? "first_name" : "title"] = chat.Title;
        if (chat.Username is not null) result["username"] = chat.Username;
        if (chat.WithPhoto)
            result["photo"] = new JsonObject
            {
                ["small_file_id"] = $"AQADsmall{chat.Id}",
                ["small_file_unique_id"] = $"AQADs{chat.Id}",
                ["big_file_id"] = $"AQADbig{chat.Id}",
                ["big_file_unique_id"] = $"AQADb{chat.Id}",
            };
        if (chat.Type is "group" or "supergroup")
            result["permissions"] = new JsonObject { ["can_send_messages"] = chat.MembersCanSend, ["can_send_photos"] = chat.MembersCanSend };
        result["accent_color_id"] = 0;
        result["max_reaction_count"] = 11;
        return Ok(result);
    }

    private (int Status, JsonObject Body) GetChatMember(EmulatedTelegramBot bot, Dictionary<string, string> parameters)
    {
        var (chat, error) = Visible(bot, parameters);
        if (chat is null) return error!.Value;
        if (!parameters.TryGetValue("user_id", out var userText) || !long.TryParse(userText, out var userId))
            return Error(400, "Bad Request: invalid user_id specified");
        var user = _bots.Values.FirstOrDefault(b => b.Id == userId);
        if (user is null) return Error(400, "Bad Request: user not found");
        var membership = chat.Members.GetValueOrDefault(userId) ?? new EmulatedTelegramMembership("left", null, null);
        var result = new JsonObject
        {
            ["user"] = new JsonObject { ["id"] = user.Id, ["is_bot"] = true, ["first_name"] = "Sosyabot test", ["username"] = user.Username },
            ["status"] = membership.Status,
        };
        if (membership.Status == "administrator")
        {
            result["can_be_edited"] = false;
            result["is_anonymous"] = false;
            result["can_manage_chat"] = true;
            result["can_delete_messages"] = true;
            result["can_change_info"] = true;
            result["can_invite_users"] = true;
            if (chat.Type == "channel")
            {
                result["can_post_messages"] = membership.CanPostMessages == true;
                result["can_edit_messages"] = membership.CanPostMessages == true;
            }
        }
        if (membership.Status == "restricted")
        {
            result["is_member"] = true;
            result["can_send_messages"] = membership.CanSendMessages == true;
            result["until_date"] = 0;
        }
        return Ok(result);
    }

    // https://core.telegram.org/bots/api#sendmessage: only where the bot may post, text of 1 to 4,096
    // characters. Each chat keeps what was posted to it, in order.
    private (int Status, JsonObject Body) SendMessage(EmulatedTelegramBot bot, Dictionary<string, string> parameters)
    {
        var (chat, error) = Visible(bot, parameters);
        if (chat is null) return error!.Value;
        if (PostingRefusal(chat, chat.Members.GetValueOrDefault(bot.Id)) is { } refusal) return refusal;
        if (chat.TakeFloodWait() is { } wait) return FloodWait(wait);
        var text = parameters.GetValueOrDefault("text") ?? "";
        if (text.Trim().Length == 0) return Error(400, "Bad Request: message text is empty");
        if (text.Length > 4096) return Error(400, "Bad Request: message is too long");
        long? replyTo = null;
        if (parameters.TryGetValue("reply_parameters", out var reply))
        {
            var id = JsonNode.Parse(reply)?["message_id"]?.GetValue<long>();
            if (id is null || chat.Messages.All(m => m.MessageId != id)) return Error(400, "Bad Request: message to be replied not found");
            replyTo = id;
        }
        var message = chat.Add(text, parameters.GetValueOrDefault("disable_notification") == "true", replyTo);
        var chatJson = new JsonObject { ["id"] = chat.Id, ["title"] = chat.Title, ["type"] = chat.Type };
        if (chat.Username is not null) chatJson["username"] = chat.Username;
        var result = new JsonObject { ["message_id"] = message.MessageId, ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["chat"] = chatJson, ["text"] = text };
        if (chat.Type == "channel") result["sender_chat"] = chatJson.DeepClone();
        return Ok(result);
    }

    // The real server's refusals for a bot that may see the chat but not post in it.
    private static (int, JsonObject)? PostingRefusal(EmulatedTelegramChat chat, EmulatedTelegramMembership? membership)
    {
        var kind = chat.Type == "channel" ? "channel" : "supergroup";
        return (chat.Type, membership?.Status) switch
        {
            (_, "creator") => null,
            ("channel", "administrator") when membership!.CanPostMessages == true => null,
            ("channel", "administrator") => Error(400, "Bad Request: need administrator rights in the channel chat"),
            (_, null or "left") => Error(403, $"Forbidden: bot is not a member of the {kind} chat"),
            ("channel", _) => Error(400, "Bad Request: need administrator rights in the channel chat"),
            (_, "administrator") => null,
            (_, "member") when chat.MembersCanSend => null,
            (_, "restricted") when membership!.CanSendMessages == true => null,
            _ => Error(400, "Bad Request: not enough rights to send text messages to the chat"),
        };
    }

    // What getChat-like methods may see: a public chat, or one the bot is in. Otherwise the real
    // server's answers: kicked → 403, unknown or private → 400 chat not found.
    private (EmulatedTelegramChat? Chat, (int, JsonObject)? Error) Visible(EmulatedTelegramBot bot, Dictionary<string, string> parameters)
    {
        if (!parameters.TryGetValue("chat_id", out var chatId) || chatId.Length == 0) return (null, Error(400, "Bad Request: chat_id is empty"));
        var chat = chatId.StartsWith('@')
            ? _chats.Values.FirstOrDefault(c => c.Username is not null && string.Equals("@" + c.Username, chatId, StringComparison.OrdinalIgnoreCase))
            : long.TryParse(chatId, out var id) ? _chats.GetValueOrDefault(id) : null;
        if (chat is null) return (null, Error(400, "Bad Request: chat not found"));
        var status = chat.Members.GetValueOrDefault(bot.Id)?.Status;
        if (status == "kicked") return (null, Error(403, $"Forbidden: bot was kicked from the {(chat.Type == "channel" ? "channel" : "supergroup")} chat"));
        if ((status is null or "left") && (chat.Username is null || chat.Type == "private")) return (null, Error(400, "Bad Request: chat not found"));
        return (chat, null);
    }

    private static async Task<Dictionary<string, string>> ParametersAsync(HttpRequest request)
    {
        var parameters = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        if (!HttpMethods.IsPost(request.Method)) return parameters;
        if (request.HasJsonContentType())
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            if (body.RootElement.ValueKind == JsonValueKind.Object)
                foreach (var property in body.RootElement.EnumerateObject())
                    parameters[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
        }
        else if (request.HasFormContentType)
        {
            foreach (var field in await request.ReadFormAsync()) parameters[field.Key] = field.Value.ToString();
        }
        return parameters;
    }

    private EmulatedTelegramChat AddChat(EmulatedTelegramChat chat)
    {
        _chats[chat.Id] = chat;
        return chat;
    }

    // Flood control as Telegram answers it (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this).
    private static (int, JsonObject) FloodWait(int seconds)
    {
        var (status, body) = Error(429, $"Too Many Requests: retry after {seconds}");
        body["parameters"] = new JsonObject { ["retry_after"] = seconds };
        return (status, body);
    }

    private static (int, JsonObject) Ok(JsonNode result) => (200, new JsonObject { ["ok"] = true, ["result"] = result });

    public static (int, JsonObject) Error(int code, string description) =>
        (code, new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description });

    private static Task Write(HttpContext context, (int Status, JsonObject Body) answer)
    {
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(answer.Body.ToJsonString());
    }

    private static string RandomSecret() =>
        "AA" + new string(Enumerable.Range(0, 33).Select(_ => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"[RandomNumberGenerator.GetInt32(64)]).ToArray());
}

public sealed record EmulatedTelegramBot(long Id, string Token, string Username);

public sealed partial record EmulatedTelegramChat(long Id, string Type, string Title, string? Username, bool WithPhoto)
{
    public ConcurrentDictionary<long, EmulatedTelegramMembership> Members { get; } = new();
    public bool MembersCanSend { get; init; } = true;
    private long _lastMessageId;
    private readonly ConcurrentQueue<EmulatedTelegramMessage> _messages = new();

    private int _floodAfter = -1;
    private int _floodSeconds;

    public IReadOnlyList<EmulatedTelegramMessage> Messages => _messages.ToList();

    // The next send once the chat holds `afterMessages` messages is refused once with a flood wait.
    public void FloodWaitAfter(int afterMessages, int seconds)
    {
        _floodSeconds = seconds;
        Volatile.Write(ref _floodAfter, afterMessages);
    }

    public int? TakeFloodWait()
    {
        var after = Volatile.Read(ref _floodAfter);
        if (after < 0 || _messages.Count < after || Interlocked.CompareExchange(ref _floodAfter, -1, after) != after) return null;
        return _floodSeconds;
    }

    public EmulatedTelegramMessage Add(string text, bool silent, long? replyTo)
    {
        var message = new EmulatedTelegramMessage(Interlocked.Increment(ref _lastMessageId), text, silent, replyTo);
        _messages.Enqueue(message);
        return message;
    }
}

public sealed partial record EmulatedTelegramMessage(long MessageId, string Text, bool Silent, long? ReplyTo);

public sealed record EmulatedTelegramMembership(string Status, bool? CanPostMessages, bool? CanSendMessages);
