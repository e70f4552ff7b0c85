namespace Sosyabot.Core.Providers.Http;

// Every provider failure, sorted. The message is safe to show and store: it is redacted here, once,
// so no caller can forget to.
public sealed class ProviderException(ProviderErrorKind kind, string message, TimeSpan? retryAfter = null, int? statusCode = null)
    : Exception(SecretRedactor.Redact(message))
{
    public ProviderErrorKind Kind { get; } = kind;
    public TimeSpan? RetryAfter { get; } = retryAfter;
    public int? StatusCode { get; } = statusCode;
}
