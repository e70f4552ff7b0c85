using System.Text.RegularExpressions;

namespace Sosyabot.Core.Providers.Telegram;

public static partial class TelegramDefaults
{
    public const string Key = "telegram";

    public static readonly PlatformInfo Info = new(
        Key, "Telegram", LoginType.ApiToken,
        TokenPolicy.NeverExpires,
        ConnectedAppsUrl: "https://t.me/BotFather")
    {
        // A bot token belongs to no connected-apps page; only its bot's creator can revoke it.
        RevokeInstructions = "To revoke the bot's token, send /revoke to @BotFather in Telegram and pick this bot.",
    };

    // Every method is https://api.telegram.org/bot<token>/<method> (https://core.telegram.org/bots/api#making-requests).
    public const string ApiBase = "https://api.telegram.org";

    // "Avoid sending more than one message per second" to one chat (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this).
    public static readonly TimeSpan PublishInterval = TimeSpan.FromSeconds(1);

    public const string BotTokenField = "bot_token";
    public const string ChatField = "chat";

    public static readonly IReadOnlyList<CredentialField> Fields =
    [
        new(BotTokenField, "Bot token", CredentialFieldKind.Secret,
            Help: "From @BotFather in Telegram: /newbot creates a bot, /token shows the token of an existing one.",
            Placeholder: "123456789:AA…"),
        new(ChatField, "Channel or group", CredentialFieldKind.Text,
            Help: "The channel's @username, or the numeric chat id like -1001234567890. Add the bot as an administrator first.",
            Placeholder: "@mychannel"),
    ];

    // <bot id>:<secret>, as @BotFather hands it out.
    [GeneratedRegex(@"^\d{5,}:[A-Za-z0-9_-]{30,}$")]
    public static partial Regex BotToken();

    [GeneratedRegex(@"^@[A-Za-z][A-Za-z0-9_]{3,31}$")]
    public static partial Regex ChatUsername();

    [GeneratedRegex(@"^-?\d{1,19}$")]
    public static partial Regex ChatId();
}
