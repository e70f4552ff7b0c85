using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sosyabot.Core.Media;

namespace Sosyabot.Core.Data.Configurations;

internal sealed class MediaVariantConfiguration : IEntityTypeConfiguration<MediaVariant>
{
    public void Configure(EntityTypeBuilder<MediaVariant> builder)
    {
        builder.ToTable("media_variants");
        builder.Property(v => v.ContentType).HasMaxLength(64);
        builder.Property(v => v.StorageKey).HasMaxLength(MediaStorageKeys.MaxLength);
        // Two publishers asking for the same variant at once make one row; the loser reads the winner's.
        builder.HasIndex(v => new { v.MediaItemId, v.MaxBytes }).IsUnique();
    }
}
