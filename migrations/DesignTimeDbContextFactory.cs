using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Sosyabot.Core.Data;

namespace Sosyabot.Migrations;

// Lets `dotnet ef migrations add` build the model without starting the web app or a database.
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SosyabotDbContext>
{
    public SosyabotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SosyabotDbContext>()
            .UseNpgsql("Host=localhost;Database=design_time", n => n.MigrationsAssembly(DatabaseOptions.MigrationsAssembly))
            .UseSnakeCaseNamingConvention()
            .Options);
}
