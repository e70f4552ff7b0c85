namespace Sosyabot.Web.Components.Pages.Channels;

// Avatar URLs come from the platforms' profiles, which their users write: only web addresses reach an <img>.
public static class AvatarUrls
{
    public static bool IsSafe(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
