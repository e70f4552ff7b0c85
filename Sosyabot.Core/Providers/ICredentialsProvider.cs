namespace Sosyabot.Core.Providers;

// Login types 2 and 3: the user types credentials or a token, which are validated with the
// platform before anything is saved.
public interface ICredentialsProvider : ISocialProvider
{
    IReadOnlyList<CredentialField> Fields { get; }

    // Throws InvalidRequestException for input the user must fix, ProviderException for what the platform said.
    Task<ConnectedAccount> ValidateAsync(IReadOnlyDictionary<string, string> values, CancellationToken ct);

    // Options for a Choice field, read with the other values (e.g. the lists of a Listmonk instance).
    Task<IReadOnlyList<CredentialChoice>> GetChoicesAsync(string fieldKey, IReadOnlyDictionary<string, string> values, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<CredentialChoice>>([]);
}

public enum CredentialFieldKind
{
    Text,
    Secret,
    Url,
    Choice,
}

public sealed record CredentialField(string Key, string Label, CredentialFieldKind Kind, bool Required = true, string? Help = null, string? Placeholder = null)
{
    // Room for a browser's cookie header (X's cookie login), far below what the UI connection accepts.
    public const int MaxValueLength = 8_192;
}

public sealed record CredentialChoice(string Value, string Label);
