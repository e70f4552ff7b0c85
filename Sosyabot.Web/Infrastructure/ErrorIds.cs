using System.Diagnostics;

namespace Sosyabot.Web.Infrastructure;

// The id a user reads off the error page and an administrator searches the log for.
public static class ErrorIds
{
    public static string Of(HttpContext context) => Activity.Current?.Id ?? context.TraceIdentifier;
}
