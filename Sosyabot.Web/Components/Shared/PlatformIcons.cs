using MudBlazor;

namespace Sosyabot.Web.Components.Shared;

public static class PlatformIcons
{
    // The X mark; MudBlazor's brand set still has only the old bird.
    private const string XMark = "<path d=\"M18.244 2.25h3.308l-7.227 8.26 8.502 11.24H16.17l-5.214-6.817L4.99 21.75H1.68l7.73-8.835L1.254 2.25H8.08l4.713 6.231zm-1.161 17.52h1.833L7.084 4.126H5.117z\"/>";

    public static string For(string platform) => platform switch
    {
        "x" => XMark,
        "reddit" => Icons.Custom.Brands.Reddit,
        "telegram" => Icons.Custom.Brands.Telegram,
        "linkedin" => Icons.Custom.Brands.LinkedIn,
        "pinterest" => Icons.Custom.Brands.Pinterest,
        "youtube" => Icons.Custom.Brands.YouTube,
        "instagram" => Icons.Custom.Brands.Instagram,
        "facebook" => Icons.Custom.Brands.Facebook,
        "tiktok" => Icons.Custom.Brands.TikTok,
        "slack" => Icons.Custom.Brands.Slack,
        "mastodon" => Icons.Material.Filled.Forum,
        "bluesky" => Icons.Material.Filled.Cloud,
        "threads" => Icons.Material.Filled.AlternateEmail,
        "snapchat" => Icons.Material.Filled.PhotoCamera,
        "listmonk" => Icons.Material.Filled.Email,
        _ => Icons.Material.Filled.Public,
    };
}
