using Sosyabot.Core.Channels;
using Sosyabot.Core.Providers;

namespace Sosyabot.Web.Components.Pages.Channels;

public static class ConnectedApps
{
    // Where the user revokes Sosyabot's access; for self-hosted servers it depends on the server.
    public static string? UrlFor(ChannelView channel) =>
        PlatformCatalog.Find(channel.Platform)?.ConnectedAppsUrl ?? (channel.Instance, channel.Platform) switch
        {
            ({ } instance, "mastodon") => $"{instance.TrimEnd('/')}/oauth/authorized_applications",
            ({ } instance, "listmonk") => $"{instance.TrimEnd('/')}/admin/users",
            _ => null,
        };
}
