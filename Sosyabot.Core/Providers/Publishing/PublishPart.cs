namespace Sosyabot.Core.Providers.Publishing;

// The text and media of one part, in the order the user put them.
public sealed record PublishPart(string Text, IReadOnlyList<PublishMedia> Media);
