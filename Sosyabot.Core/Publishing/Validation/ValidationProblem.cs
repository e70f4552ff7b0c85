namespace Sosyabot.Core.Publishing.Validation;

// One thing to change before a target can be published. PartIndex is null for what concerns the
// whole target (a platform field, a thread where the platform has none). Field names what to
// change: "text", "media", "media[1].alt", or a platform field's name. Message is a sentence the
// user reads, starting with the platform's name.
public sealed record ValidationProblem(Guid ChannelId, string Platform, int? PartIndex, string Field, string Message);
