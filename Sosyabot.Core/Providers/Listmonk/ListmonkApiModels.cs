namespace Sosyabot.Core.Providers.Listmonk;

// Every successful answer is {"data": …} (docs/apis/apis.md).
internal sealed record ListmonkEnvelope<T>(T? Data);

internal sealed record ListmonkListPage(List<ListmonkList>? Results, int? Total);

internal sealed record ListmonkList(int Id, string? Name, int? SubscriberCount);

// POST /api/campaigns, PUT /api/campaigns/{id}/status and each result of GET /api/campaigns (docs/apis/campaigns.md).
internal sealed record ListmonkCampaign(int Id, string? Name, string? Status);

internal sealed record ListmonkCampaignPage(List<ListmonkCampaign>? Results);

// POST /api/media: current versions answer the absolute url, older ones only uri (a path on the instance).
internal sealed record ListmonkMedia(int Id, string? Url, string? Uri);
