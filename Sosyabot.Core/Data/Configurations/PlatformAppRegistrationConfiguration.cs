using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sosyabot.Core.Providers;

namespace Sosyabot.Core.Data.Configurations;

internal sealed class PlatformAppRegistrationConfiguration : IEntityTypeConfiguration<PlatformAppRegistration>
{
    public void Configure(EntityTypeBuilder<PlatformAppRegistration> builder)
    {
        builder.Property(r => r.Platform).HasMaxLength(32);
        builder.Property(r => r.Issuer).HasMaxLength(512);
        builder.Property(r => r.RedirectUri).HasMaxLength(2048);
        builder.Property(r => r.ClientId).HasMaxLength(512);
        builder.Property(r => r.Scopes).HasMaxLength(512);
        builder.HasIndex(r => new { r.Platform, r.Issuer, r.RedirectUri }).IsUnique();
    }
}
