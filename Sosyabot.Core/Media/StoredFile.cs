namespace Sosyabot.Core.Media;

public sealed record StoredFile(string Key, long Length, string Sha256);
