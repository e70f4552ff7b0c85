using Microsoft.EntityFrameworkCore;
using Sosyabot.Core.Data;

namespace Sosyabot.Tests.TestSupport;

public static class TestDb
{
    public static SosyabotDbContext CreateContext(string connectionString) =>
        new(new DbContextOptionsBuilder<SosyabotDbContext>()
            .UseNpgsql(connectionString, n => n.MigrationsAssembly(DatabaseOptions.MigrationsAssembly))
            .UseSnakeCaseNamingConvention()
            .Options);
}
