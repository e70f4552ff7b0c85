namespace Sosyabot.Core.Media;

// Keys are made here from random ids only, so no user input ever reaches a path.
public static class MediaStorageKeys
{
    public const int MaxLength = 128;

    public static string New(Guid workspaceId, string extension) =>
        $"{workspaceId:N}/{Guid.CreateVersion7():N}.{extension}";

    // A key read back from the database or a caller is checked before it becomes a path.
    public static bool IsValid(string key) =>
        key.Length <= MaxLength
        && key.Split('/') is [var folder, var file]
        && folder.Length == 32 && folder.All(char.IsAsciiHexDigitLower)
        && file.Split('.') is [var name, var extension]
        && name.Length == 32 && name.All(char.IsAsciiHexDigitLower)
        && extension.Length is > 0 and <= 8 && extension.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c));
}
