namespace Sosyabot.Core.Providers.Telegram;

// Bot API objects (https://core.telegram.org/bots/api#available-types), only the fields we read.
internal sealed record TelegramResponse<T>(bool Ok, T? Result, int? ErrorCode, string? Description, TelegramResponseParameters? Parameters);

internal sealed record TelegramResponseParameters(long? MigrateToChatId, int? RetryAfter);

internal sealed record TelegramUser(long Id, bool IsBot, string? FirstName, string? Username);

internal sealed record TelegramChat(long Id, string? Type, string? Title, string? Username, TelegramChatPhoto? Photo, TelegramChatPermissions? Permissions);

internal sealed record TelegramChatPhoto(string? SmallFileId, string? BigFileId);

internal sealed record TelegramChatPermissions(bool? CanSendMessages);

internal sealed record TelegramChatMember(string? Status, TelegramUser? User, bool? CanPostMessages, bool? CanSendMessages, bool? IsMember);

internal sealed record TelegramMessage(long MessageId, TelegramChat? Chat);
