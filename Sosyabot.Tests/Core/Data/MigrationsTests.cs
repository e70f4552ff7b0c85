using Microsoft.EntityFrameworkCore;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Data;

public class MigrationsTests
{
    [Fact]
    public async Task All_migrations_apply_to_an_empty_database()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateEmptyDatabaseAsync();
        try
        {
            await using var db = TestDb.CreateContext(connectionString);
            await db.Database.MigrateAsync();

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.NotEmpty(db.Database.GetAppliedMigrations());
            Assert.Equal(0, await db.Workspaces.CountAsync());
            Assert.Equal(0, await db.Channels.CountAsync());
            Assert.Equal(0, await db.DataProtectionKeys.CountAsync());
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public void The_model_has_no_changes_missing_from_the_migrations()
    {
        using var db = TestDb.CreateContext("Host=unused");
        Assert.False(db.Database.HasPendingModelChanges(), "Run `dotnet ef migrations add` for the model changes.");
    }
}
