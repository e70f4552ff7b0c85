namespace Sosyabot.Core.Settings;

// A setting an administrator changes at run time; it wins over the configured default of the same key.
public class AppSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
