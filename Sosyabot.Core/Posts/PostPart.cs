namespace Sosyabot.Core.Posts;

// One message of a post (or of a thread): its text and its media in the order the user put them.
public sealed record PostPart(string Text, List<MediaRef> Media)
{
    public static PostPart Of(string text) => new(text, []);
}

// Only the id: the media store owns the file; AltText belongs to this use of it.
public sealed record MediaRef(Guid MediaId, string? AltText);
