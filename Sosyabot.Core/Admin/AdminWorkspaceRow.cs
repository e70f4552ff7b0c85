namespace Sosyabot.Core.Admin;

public sealed record AdminWorkspaceRow(Guid Id, string Name, string TimeZone, int MemberCount, int ChannelCount, DateTimeOffset CreatedAt);
