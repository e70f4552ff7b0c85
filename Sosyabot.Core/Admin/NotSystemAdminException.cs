namespace Sosyabot.Core.Admin;

public sealed class NotSystemAdminException() : Exception("Only system administrators can do this.");
