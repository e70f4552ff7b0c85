namespace Sosyabot.Core.Secrets;

public enum SecretKind
{
    ChannelAccessToken,
    ChannelRefreshToken,
    OAuthCodeVerifier,
    PlatformAppSecret,
}
