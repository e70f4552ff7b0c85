namespace Sosyabot.Core.Publishing;

// A target this node holds the lease of; Owner is the guard every write of its result carries.
public sealed record ClaimedTarget(Guid Id, string Owner);
