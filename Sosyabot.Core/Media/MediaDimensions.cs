namespace Sosyabot.Core.Media;

public sealed record MediaDimensions(int? Width, int? Height, TimeSpan? Duration = null)
{
    public static readonly MediaDimensions Unknown = new(null, null);
}
