
namespace Sosyabot.Core.Providers.Listmonk;

public static class ListmonkDefaults
{
    public const string Key = "listmonk";

    public static readonly PlatformInfo Info = new(
        Key, "Listmonk", LoginType.ApiToken,
        TokenPolicy.NeverExpires,
        ConnectedAppsUrl: null);

    // Relative to the instance address, which may carry a path prefix (knadh/listmonk docs/apis/lists.md).
    public const string ListsPath = "/api/lists";

    // The documented API-user header (docs/apis/apis.md): "Authorization: token api_user:token".
    public const string AuthScheme = "token";

    public const string InstanceField = "instance";
    public const string ApiUserField = "api_user";
    public const string ApiTokenField = "api_token";
    public const string ListField = "list";

    public const string InstanceSetting = ConnectedAccount.InstanceSetting;
    public const string ListIdSetting = "list_id";

    // Platform field of a post sent as a campaign.
    public const string SubjectField = "subject";

    public static readonly IReadOnlyList<CredentialField> Fields =
    [
        new(InstanceField, "Listmonk address", CredentialFieldKind.Url,
            Help: "The address you open Listmonk at, including any path, like https://lists.example.com or https://example.com/listmonk.",
            Placeholder: "https://lists.example.com"),
        new(ApiUserField, "API user", CredentialFieldKind.Text,
            Help: "Create one in Listmonk at Admin → Users → New, with the type “API”."),
        new(ApiTokenField, "API token", CredentialFieldKind.Secret,
            Help: "Shown once when the API user is created."),
        new(ListField, "List", CredentialFieldKind.Choice,
            Help: "The subscriber list that receives the campaigns. Each list is its own channel."),
    ];
}
