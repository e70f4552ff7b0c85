using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sosyabot.Core.Media;
using Sosyabot.Core.Workspaces;

namespace Sosyabot.Core.Data.Configurations;

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> builder)
    {
        builder.ToTable("media_items");
        builder.Property(m => m.ContentType).HasMaxLength(64);
        builder.Property(m => m.FileName).HasMaxLength(MediaFileNames.MaxLength);
        builder.Property(m => m.StorageKey).HasMaxLength(MediaStorageKeys.MaxLength);
        builder.Property(m => m.ThumbnailKey).HasMaxLength(MediaStorageKeys.MaxLength);
        builder.Property(m => m.Sha256).HasMaxLength(64);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(m => m.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Variants).WithOne().HasForeignKey(v => v.MediaItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.WorkspaceId, m.CreatedAt });
        // The cleanup job's scan: unattached uploads by age.
        builder.HasIndex(m => m.CreatedAt).HasFilter("post_count = 0");
    }
}
