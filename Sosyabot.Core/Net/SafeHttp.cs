namespace Sosyabot.Core.Net;

public static class SafeHttp
{
    // The one client for every user-supplied host: IHttpClientFactory.CreateClient(SafeHttp.ClientName).
    public const string ClientName = "safe-http";
}
