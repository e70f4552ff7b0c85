namespace Sosyabot.Core;

// A required, trimmed value with a length limit: each field only names its own messages.
internal static class RequiredText
{
    public static string Validate(string? value, int maxLength, string whenEmpty, string whenTooLong)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0) throw new InvalidRequestException(whenEmpty);
        if (trimmed.Length > maxLength) throw new InvalidRequestException(whenTooLong);
        return trimmed;
    }
}
