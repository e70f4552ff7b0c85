namespace Sosyabot.Core.Providers.X;

// Providers:X in configuration: an OAuth 2.0 "Web App" (confidential client) from the X developer portal.
public sealed class XOptions
{
    public const string Section = "Providers:X";

    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    // Only for the cookie connect, and only if X rotates the web app's public bearer token.
    public string? WebBearerToken { get; set; }
}
