using Sosyabot.Core.Channels;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Workspaces;

namespace Sosyabot.Core.Connections;

// Login types 2 and 3: validate with the platform first; only a working account is saved.
public sealed class CredentialConnectService(WorkspaceAccess access, ProviderRegistry providers, ChannelConnector connector, TimeProvider clock)
{
    public async Task<Channel> ConnectAsync(Guid userId, Guid workspaceId, string platform, IReadOnlyDictionary<string, string> values, CancellationToken ct = default)
    {
        var provider = await RequireAsync(userId, workspaceId, platform, ct);
        foreach (var field in provider.Fields)
        {
            var value = values.GetValueOrDefault(field.Key);
            if (field.Required && string.IsNullOrWhiteSpace(value))
                throw new InvalidRequestException($"{field.Label} is required.");
            if (value?.Length > CredentialField.MaxValueLength)
                throw new InvalidRequestException($"{field.Label} has at most {CredentialField.MaxValueLength} characters.");
        }
        ConnectedAccount account;
        try
        {
            account = await provider.ValidateAsync(values, ct);
        }
        catch (ProviderException e) when (e.Kind == ProviderErrorKind.RateLimited)
        {
            throw new ProviderException(e.Kind, ProviderErrorMessage.For(e, provider.Info.DisplayName, clock.GetUtcNow()), e.RetryAfter, e.StatusCode);
        }
        var loginType = provider.Info.LoginType == LoginType.OAuth ? LoginType.Credentials : provider.Info.LoginType;
        return await connector.ConnectAsync(workspaceId, userId, platform, loginType, account, ct);
    }

    public async Task<IReadOnlyList<CredentialChoice>> ChoicesAsync(Guid userId, Guid workspaceId, string platform, string fieldKey, IReadOnlyDictionary<string, string> values, CancellationToken ct = default)
    {
        var provider = await RequireAsync(userId, workspaceId, platform, ct);
        return await provider.GetChoicesAsync(fieldKey, values, ct);
    }

    private async Task<ICredentialsProvider> RequireAsync(Guid userId, Guid workspaceId, string platform, CancellationToken ct)
    {
        await access.RequireAsync(userId, workspaceId, WorkspaceRole.Admin, ct);
        return providers.Find<ICredentialsProvider>(platform)
            ?? throw new InvalidRequestException($"{PlatformCatalog.Find(platform)?.DisplayName ?? platform} cannot be connected with credentials.");
    }
}
