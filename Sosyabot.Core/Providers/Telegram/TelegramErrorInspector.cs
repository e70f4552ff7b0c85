using System.Text.Json;
using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Core.Providers.Telegram;

// Bot API errors are {"ok":false,"error_code":N,"description":"…","parameters":{…}}, whatever the HTTP
// status says. At connect a refusal is the user's input (Rejected); on a connected channel a dead
// token or a bot removed from the chat needs the user (Auth). The bot token is in every request URL,
// never in these bodies; ProviderException redacts anything shaped like one all the same.
public sealed class TelegramErrorInspector(bool atConnect) : IProviderErrorInspector
{
    private const string Name = "Telegram";

    public ProviderException? Inspect(ProviderResponse response)
    {
        var json = response.Json is { ValueKind: JsonValueKind.Object } j ? j : (JsonElement?)null;
        var failed = json?.TryGetProperty("ok", out var ok) == true && ok.ValueKind == JsonValueKind.False;
        // A success, or not a Bot API answer (a proxy's error page): the generic rules decide.
        if (!failed) return null;

        var code = (int?)Long(json, "error_code") ?? (int)response.Status;
        var description = response.String("description") ?? $"error {code}";
        var parameters = json!.Value.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object ? p : (JsonElement?)null;

        if (code == 429 || Long(parameters, "retry_after") is not null)
            return new ProviderException(ProviderErrorKind.RateLimited, $"{Name} is rate-limiting this bot ({description}).",
                RetryAfter.Clamp(TimeSpan.FromSeconds(Long(parameters, "retry_after") ?? 60)), code);
        if (Long(parameters, "migrate_to_chat_id") is { } newId)
            return Needs($"The group was upgraded to a supergroup with the id {newId}. Connect it again with that id.", code);

        return code switch
        {
            401 => atConnect
                ? Rejected($"{Name} says the bot token is not valid. Copy it again from @BotFather (/token); if it was regenerated, the old one no longer works.", code)
                : new ProviderException(ProviderErrorKind.Auth, $"{Name} no longer accepts the bot token; it was probably regenerated in @BotFather. Reconnect the channel with the new token.", statusCode: code),
            403 => Needs($"{Name} refused: {description}. Add the bot to the channel or group as an administrator, then connect again.", code),
            400 when description.Contains("chat not found", StringComparison.OrdinalIgnoreCase) =>
                Needs($"{Name} cannot find that chat. Check the @username or numeric id, and add the bot to the chat first: private channels are only visible to their members.", code),
            // A failed sendMessage may still have posted: only a read is safe to call Transient.
            >= 500 when response.MayHaveApplied => new ProviderException(ProviderErrorKind.Unknown, $"{Name} had trouble ({description}) and may or may not have posted the message.", statusCode: code),
            >= 500 => new ProviderException(ProviderErrorKind.Transient, $"{Name} is having trouble ({description}). Try again in a few minutes.", statusCode: code),
            _ => Rejected($"{Name} refused the request: {description}", code),
        };
    }

    // Something the user must fix in Telegram: input to correct at connect, a broken channel afterwards.
    private ProviderException Needs(string message, int code) =>
        atConnect ? Rejected(message, code) : new ProviderException(ProviderErrorKind.Auth, message, statusCode: code);

    private static ProviderException Rejected(string message, int code) => new(ProviderErrorKind.Rejected, message, statusCode: code);

    private static long? Long(JsonElement? parent, string name) =>
        parent is { } p && p.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;
}
