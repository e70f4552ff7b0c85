namespace Sosyabot.Core.Providers.Mastodon;

// The server part of a normalised instance address, for pids, handles and messages.
public static class MastodonInstance
{
    // "mastodon.social" (with ":port" when not 443): the part of pid and handle naming the server.
    public static string Authority(string instance) => new Uri(instance).Authority;
}
