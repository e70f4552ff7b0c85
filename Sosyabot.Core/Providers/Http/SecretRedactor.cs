using System.Text.RegularExpressions;

namespace Sosyabot.Core.Providers.Http;

// Platforms sometimes echo what they were sent; these shapes are credentials wherever they appear.
public static partial class SecretRedactor
{
    public static string Redact(string text) =>
        BearerToken().Replace(
            TelegramBotToken().Replace(
                Jwt().Replace(
                    KeyValueSecret().Replace(text, "$1=***"), "***"), "bot***"), "$1 ***");

    [GeneratedRegex(@"(?i)\b(Bearer|Basic|token)\s+[A-Za-z0-9._~+/=:-]{8,}")]
    private static partial Regex BearerToken();

    [GeneratedRegex(@"(?:bot)?\d{5,}:[A-Za-z0-9_-]{30,}")]
    private static partial Regex TelegramBotToken();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"(?i)\b(access_token|refresh_token|client_secret|code_verifier|password|auth_token|ct0|code)=[^&\s""']+")]
    private static partial Regex KeyValueSecret();
}
