namespace Sosyabot.Core;

public sealed class AppOptions
{
    public const string Section = "App";

    // The public address users reach the app at. OAuth redirect URIs are built from it, never from
    // the request's Host header, which a client controls.
    public string BaseUrl { get; set; } = "http://127.0.0.1:5000";

    public string CallbackUri(string platform) => $"{BaseUrl.TrimEnd('/')}/api/v1/auth/{platform}/callback";
}
