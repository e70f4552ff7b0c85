using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Sosyabot.Core.Data;

namespace Sosyabot.Web.Infrastructure;

public static class DatabaseMigrationExtensions
{
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup) return;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SosyabotDbContext>();
        // Npgsql reports the history table as always present and reads it, so on an empty database EF
        // logs that failed read as an error (npgsql/efcore.pg#3407). Creating the table first (IF NOT
        // EXISTS) leaves nothing to fail; a missing database is still left to MigrateAsync to create.
        if (await db.GetService<IRelationalDatabaseCreator>().ExistsAsync())
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync();
        // EF Core takes a database lock here, so several instances starting together migrate once.
        await db.Database.MigrateAsync();
    }
}
