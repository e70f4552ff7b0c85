namespace Sosyabot.Core.Publishing.Validation;

// The Field values of ValidationProblem that are not platform fields.
public static class ValidationFields
{
    public const string Text = "text";
    public const string Media = "media";
    public const string Parts = "parts";
    public const string Platform = "platform";

    public static string AltText(int mediaIndex) => $"media[{mediaIndex}].alt";

    public static string MediaItem(int mediaIndex) => $"media[{mediaIndex}]";
}
