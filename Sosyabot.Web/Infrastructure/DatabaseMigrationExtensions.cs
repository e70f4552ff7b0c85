using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sosyabot.Core.Data;

namespace Sosyabot.Web.Infrastructure;

public static class DatabaseMigrationExtensions
{
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup) return;
        await using var scope = app.Services.CreateAsyncScope();
        // EF Core takes a database lock here, so several instances starting together migrate once.
        await scope.ServiceProvider.GetRequiredService<SosyabotDbContext>().Database.MigrateAsync();
    }
}
