using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sosyabot.Core.Net;
using Sosyabot.Core.Providers.Http;
using static Sosyabot.Core.Providers.Listmonk.ListmonkDefaults;

namespace Sosyabot.Core.Providers.Listmonk;

// An API user + token on the user's own Listmonk, and one subscriber list. Each list is its own
// channel, so the pid is the instance address plus the list id. The credentials never expire.
public sealed partial class ListmonkProvider(ProviderApiFactory apis, SafeHttpPolicy addresses) : ICredentialsProvider
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed record Credentials(string Instance, string ApiUser, string ApiToken)
    {
        public string Pair => $"{ApiUser}:{ApiToken}";
    }

    public PlatformInfo Info => ListmonkDefaults.Info;

    public IReadOnlyList<string> MissingSettings => [];

    public IReadOnlyList<CredentialField> Fields => ListmonkDefaults.Fields;

    // The lists the API user can see; loading them is also the first check of the credentials.
    public async Task<IReadOnlyList<CredentialChoice>> GetChoicesAsync(string fieldKey, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        if (fieldKey != ListField) return [];
        var credentials = CredentialsOf(values);
        var page = await GetAsync<ListmonkListPage>(credentials, $"{ListsPath}?per_page=all", ct);
        return (page.Results ?? []).Select(l => new CredentialChoice(l.Id.ToString(CultureInfo.InvariantCulture), l.Name ?? $"List {l.Id}")).ToList();
    }

    public async Task<ConnectedAccount> ValidateAsync(IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        var credentials = CredentialsOf(values);
        if (!int.TryParse(values.GetValueOrDefault(ListField)?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var listId) || listId <= 0)
            throw new InvalidRequestException("Choose the Listmonk list to send to.");

        ListmonkList list;
        try
        {
            list = await GetAsync<ListmonkList>(credentials, $"{ListsPath}/{listId}", ct);
        }
        // Listmonk answers an unknown list id with 400 "List not found." (404 on some versions).
        catch (ProviderException e) when (e is { Kind: ProviderErrorKind.Rejected, StatusCode: 400 or 404 })
        {
            throw new ProviderException(ProviderErrorKind.Rejected,
                $"Listmonk has no list {listId} that this API user can see; it may have been deleted. Load the lists again and pick one.", statusCode: e.StatusCode);
        }

        return new ConnectedAccount(
            $"{credentials.Instance}#list-{list.Id}",
            list.Name ?? $"List {list.Id}",
            new Uri(credentials.Instance).Host,
            AvatarUrl: null,
            new TokenSet(credentials.Pair),
            new JsonObject { [InstanceSetting] = credentials.Instance, [ListIdSetting] = list.Id });
    }

    private Credentials CredentialsOf(IReadOnlyDictionary<string, string> values)
    {
        var instance = ServerAddress.Normalize(values.GetValueOrDefault(InstanceField), "Listmonk", addresses);
        var user = values.GetValueOrDefault(ApiUserField)?.Trim() ?? "";
        var token = values.GetValueOrDefault(ApiTokenField)?.Trim() ?? "";
        if (user.Length == 0) throw new InvalidRequestException("API user is required.");
        if (token.Length == 0) throw new InvalidRequestException("API token is required.");
        // Listmonk splits "user:token" at the first colon, so a user name cannot contain one.
        if (user.Contains(':')) throw new InvalidRequestException("The API user name cannot contain “:”. Enter the user name and the token in their own fields.");
        return new Credentials(instance, user, token);
    }

    private async Task<T> GetAsync<T>(Credentials credentials, string path, CancellationToken ct)
    {
        var api = apis.Create(ProviderClients.UserSupplied, ListmonkDefaults.Info.DisplayName, new ListmonkErrorInspector(atConnect: true));
        var request = new HttpRequestMessage(HttpMethod.Get, credentials.Instance + path);
        request.Headers.Authorization = new AuthenticationHeaderValue(AuthScheme, credentials.Pair);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        ListmonkEnvelope<T>? answer = null;
        try
        {
            answer = (await api.SendAsync(request, ct)).Json?.Deserialize<ListmonkEnvelope<T>>(Json);
        }
        catch (JsonException)
        {
            // Reported below: whatever answered is not Listmonk.
        }
        return answer is { Data: { } data }
            ? data
            : throw new ProviderException(ProviderErrorKind.Rejected,
                $"{credentials.Instance} did not answer like Listmonk. Check the address, including any path such as /listmonk.");
    }
}
