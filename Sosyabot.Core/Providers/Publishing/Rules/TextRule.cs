namespace Sosyabot.Core.Providers.Publishing.Rules;

// A length limit in the platform's own unit (TextCounter), and for Bluesky a second one in UTF-8
// bytes. Null Limit: the platform states none (Listmonk's campaign body).
public sealed record TextRule(TextCounter Counter, int? Limit, int? MaxUtf8Bytes = null);
