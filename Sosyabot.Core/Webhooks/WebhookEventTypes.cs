namespace Sosyabot.Core.Webhooks;

public static class WebhookEventTypes
{
    public const string AccountConnected = "account.connected";
    public const string AccountDisconnected = "account.disconnected";
    public const string AccountNeedsReconnect = "account.needs_reconnect";
    public const string AccountRefreshed = "account.refreshed";
}
