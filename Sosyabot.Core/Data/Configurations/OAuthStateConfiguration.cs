using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sosyabot.Core.Connections;

namespace Sosyabot.Core.Data.Configurations;

internal sealed class OAuthStateConfiguration : IEntityTypeConfiguration<OAuthState>
{
    public void Configure(EntityTypeBuilder<OAuthState> builder)
    {
        builder.ToTable("oauth_states");
        builder.Property(s => s.StateHash).HasMaxLength(64);
        builder.Property(s => s.BrowserBindingHash).HasMaxLength(64);
        builder.Property(s => s.Platform).HasMaxLength(32);
        builder.Property(s => s.RedirectUri).HasMaxLength(2048);
        builder.Property(s => s.ReturnTo).HasMaxLength(2048);
        builder.Property(s => s.Issuer).HasMaxLength(2048);
        builder.Property(s => s.Error).HasMaxLength(1000);
        builder.HasIndex(s => s.StateHash).IsUnique();
        builder.HasIndex(s => s.ExpiresAt);
    }
}
