using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Publishing.Validation;
using static Sosyabot.Core.Providers.Listmonk.ListmonkDefaults;

namespace Sosyabot.Core.Providers.Listmonk;

// A post is a regular campaign to the channel's list: created as a draft, then started. Creating sends
// nothing; the start is what mails the list, and Listmonk starts only a draft or paused campaign, so a
// campaign found still in draft after a lost answer is started by the resolver, and a running one is
// never started twice. The campaign's name carries the target's key so the resolver can find it.
public sealed partial class ListmonkProvider : IPublisher, IPublishResolver
{
    private const int NameSubjectLength = 120;

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken ct)
    {
        request.EnsureValid(Rules);
        var channel = request.Channel;
        var subject = request.Field(SubjectField)!.Trim();

        var body = new StringBuilder(ListmonkHtml.Paragraphs(request.Part.Text));
        foreach (var image in request.Part.Media)
            body.Append(ListmonkHtml.Image(await UploadAsync(channel, image, ct), image.AltText));

        var created = await SendAsync<ListmonkCampaign>(channel, HttpMethod.Post, "/api/campaigns", JsonContent.Create(new
        {
            name = CampaignName(subject, request.IdempotencyKey),
            subject,
            lists = new[] { ListId(channel) },
            type = "regular",
            content_type = "html",
            body = body.ToString(),
        }, options: Json), ct);
        try
        {
            return await StartAsync(channel, created.Id, ct);
        }
        catch (ProviderException e) when (e.Kind is not (ProviderErrorKind.Rejected or ProviderErrorKind.Auth))
        {
            // The draft exists; a new publish would create a second one. The resolver finds this one and starts it.
            throw new ProviderException(ProviderErrorKind.Unknown, $"Listmonk created campaign {created.Id} but did not confirm that it started ({e.Message}).", statusCode: e.StatusCode);
        }
    }

    public async Task<PublishedPost?> FindAsync(PublishRequest request, DateTimeOffset attemptStartedAt, CancellationToken ct)
    {
        var key = NameKey(request.IdempotencyKey);
        var page = await SendAsync<ListmonkCampaignPage>(request.Channel, HttpMethod.Get,
            $"/api/campaigns?query={Uri.EscapeDataString(key)}&per_page=all&no_body=true", null, ct);
        // The query is a text search over name and subject: keep only the campaign that carries the key.
        var found = (page.Results ?? []).Where(c => c.Name?.EndsWith($"[{key}]", StringComparison.Ordinal) == true)
            .OrderBy(c => c.Status == "draft").FirstOrDefault();
        if (found is null) return null;
        // Anything past draft (running, paused, cancelled, finished) was started and has mailed.
        return found.Status == "draft" ? await StartAsync(request.Channel, found.Id, ct) : Published(request.Channel, found.Id);
    }

    private async Task<PublishedPost> StartAsync(ChannelContext channel, int campaignId, CancellationToken ct)
    {
        await SendAsync<ListmonkCampaign>(channel, HttpMethod.Put, $"/api/campaigns/{campaignId}/status", JsonContent.Create(new { status = "running" }), ct);
        return Published(channel, campaignId);
    }

    // Campaigns are created without Listmonk's public archive (that is the list owner's choice), so
    // the link is the campaign's page in the instance's admin.
    private static PublishedPost Published(ChannelContext channel, int campaignId) =>
        new(campaignId.ToString(CultureInfo.InvariantCulture), $"{Instance(channel)}/admin/campaigns/{campaignId}");

    private async Task<string> UploadAsync(ChannelContext channel, PublishMedia image, CancellationToken ct)
    {
        await using var file = await image.OpenAsync(ct);
        var content = new StreamContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(image.ContentType);
        var form = new MultipartFormDataContent { { content, "file", image.FileName } };
        // An uploaded file mails nobody: a lost answer leaves an unused library item at most, so it may be repeated.
        var media = await SendAsync<ListmonkMedia>(channel, HttpMethod.Post, "/api/media", form, ct, apis.Options.UploadTimeout, repeatable: true);
        return media.Url is { Length: > 0 } url ? url
            : media.Uri is { Length: > 0 } path ? Instance(channel) + path
            : throw new ProviderException(ProviderErrorKind.Unknown, "Listmonk stored the image but did not say where.");
    }

    private async Task<T> SendAsync<T>(ChannelContext channel, HttpMethod method, string path, HttpContent? content, CancellationToken ct,
        TimeSpan? timeout = null, bool repeatable = false)
    {
        var api = apis.Create(ProviderClients.UserSupplied, Info.DisplayName, new ListmonkErrorInspector(atConnect: false));
        using var request = new HttpRequestMessage(method, Instance(channel) + path) { Content = content };
        if (repeatable) request.MarkRepeatable();
        request.Headers.Authorization = new AuthenticationHeaderValue(AuthScheme, channel.AccessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var json = await api.SendForJsonAsync(request, ct, timeout);
        return json.Deserialize<ListmonkEnvelope<T>>(Json) is { Data: { } data } ? data
            : throw new ProviderException(ProviderRequests.MayHaveSideEffects(request) ? ProviderErrorKind.Unknown : ProviderErrorKind.Transient, "Listmonk answered without the expected data.");
    }

    // Listmonk's search runs the query through PostgreSQL's to_tsquery, where ':' and other
    // punctuation are operators: the key in the name keeps letters, digits and dashes only.
    private static string NameKey(string idempotencyKey) =>
        new(idempotencyKey.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    private static string CampaignName(string subject, string idempotencyKey) =>
        $"Sosyabot {(subject.Length <= NameSubjectLength ? subject : subject[..NameSubjectLength] + "…")} [{NameKey(idempotencyKey)}]";

    private static string Instance(ChannelContext channel) =>
        channel.Setting(InstanceSetting) ?? throw new ProviderException(ProviderErrorKind.Auth, "This Listmonk channel has no instance address stored. Reconnect it.");

    private static int ListId(ChannelContext channel) =>
        channel.Settings[ListIdSetting] is { } node && node.GetValueKind() == JsonValueKind.Number ? node.GetValue<int>()
            : throw new ProviderException(ProviderErrorKind.Auth, "This Listmonk channel has no list stored. Reconnect it and choose the list.");
}
