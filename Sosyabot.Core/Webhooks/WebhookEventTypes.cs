namespace Sosyabot.Core.Webhooks;

public static class WebhookEventTypes
{
    public const string AccountConnected = "account.connected";
    public const string AccountDisconnected = "account.disconnected";
    public const string AccountNeedsReconnect = "account.needs_reconnect";
    public const string AccountRefreshed = "account.refreshed";
    public const string PostPublished = "post.published";
    public const string PostFailed = "post.failed";
    public const string PostUnknown = "post.unknown";
    public const string PostMissed = "post.missed";
    public const string PostCancelled = "post.cancelled";
}
