namespace Sosyabot.Core.Providers;

// Stored as the numbers the product documents: 1 OAuth, 2 credentials, 3 token or API key.
public enum LoginType
{
    OAuth = 1,
    Credentials = 2,
    ApiToken = 3,
}
