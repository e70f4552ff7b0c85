namespace Sosyabot.Core.Providers.Listmonk;

// Every successful answer is {"data": …} (docs/apis/apis.md).
internal sealed record ListmonkEnvelope<T>(T? Data);

internal sealed record ListmonkListPage(List<ListmonkList>? Results, int? Total);

internal sealed record ListmonkList(int Id, string? Name, int? SubscriberCount);
