using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Publishing.Validation;
using static Sosyabot.Core.Providers.Telegram.TelegramDefaults;

namespace Sosyabot.Core.Providers.Telegram;

// Text posts through sendMessage (https://core.telegram.org/bots/api#sendmessage). There is no way
// to read a chat's history back, so no resolver: an Unknown stays with the user.
public sealed partial class TelegramProvider : IPublisher
{
    public const string SilentField = "silent";

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken ct)
    {
        request.EnsureValid(Rules);
        var token = request.Channel.AccessToken ?? throw new ProviderException(ProviderErrorKind.Auth, "The channel has no bot token.");
        var parameters = new Dictionary<string, object>
        {
            ["chat_id"] = long.Parse(request.Channel.Pid, CultureInfo.InvariantCulture),
            ["disable_notification"] = request.PlatformFields[SilentField] is JsonValue silent && silent.TryGetValue<bool>(out var quiet) && quiet,
        };
        // A thread on Telegram: each later part answers the one before it.
        if (request.Parent is { } parent)
            parameters["reply_parameters"] = new Dictionary<string, object> { ["message_id"] = long.Parse(parent.PlatformPostId, CultureInfo.InvariantCulture) };

        var api = apis.Create(ProviderClients.For(Key), TelegramDefaults.Info.DisplayName, new TelegramErrorInspector(atConnect: false));
        var message = request.Part.Media.Count > 0
            ? await SendMediaAsync(api, token, request.Part, parameters, ct)
            : await SendAsync<TelegramMessage>(api,
                new HttpRequestMessage(HttpMethod.Post, $"{ApiBase}/bot{token}/sendMessage") { Content = JsonContent.Create(new Dictionary<string, object>(parameters) { ["text"] = request.Part.Text }) }, "sendMessage", ct);
        var id = message.MessageId.ToString(CultureInfo.InvariantCulture);
        // Only a public chat has a link anyone can open.
        var username = message.Chat?.Username ?? request.Channel.Username;
        return new PublishedPost(id, username is null ? null : $"https://t.me/{username}/{id}");
    }
}
