using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Sosyabot.Core.Providers;

namespace Sosyabot.Core.Channels;

// Matches the name, the username or the platform's name, case-insensitively, in SQL.
internal static class ChannelSearch
{
    public static Expression<Func<Channel, bool>> Matching(Guid workspaceId, string? search)
    {
        var term = search?.Trim();
        if (string.IsNullOrEmpty(term)) return c => c.WorkspaceId == workspaceId;
        var pattern = $"%{Escape(term)}%";
        var platforms = PlatformCatalog.All
            .Where(p => p.DisplayName.Contains(term, StringComparison.OrdinalIgnoreCase) || p.Key.Contains(term, StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Key).ToList();
        return c => c.WorkspaceId == workspaceId
            && (EF.Functions.ILike(c.DisplayName, pattern, "\\") || EF.Functions.ILike(c.Username ?? "", pattern, "\\") || platforms.Contains(c.Platform));
    }

    private static string Escape(string term) => term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
