namespace Sosyabot.Core.Data;

public sealed class DatabaseOptions
{
    public const string ConnectionStringName = "Sosyabot";
    public const string MigrationsAssembly = "Sosyabot.Migrations";
    public const string Section = "Database";
    public bool MigrateOnStartup { get; set; } = true;
}
