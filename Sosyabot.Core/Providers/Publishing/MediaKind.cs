namespace Sosyabot.Core.Providers.Publishing;

public enum MediaKind
{
    Image,
    Gif,
    Video,
}
