namespace Sosyabot.Core.Secrets;

public sealed class DataProtectionSettings
{
    public const string Section = "DataProtection";
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
}
