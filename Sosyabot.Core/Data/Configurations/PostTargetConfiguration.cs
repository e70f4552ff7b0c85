using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Posts;

namespace Sosyabot.Core.Data.Configurations;

internal sealed class PostTargetConfiguration : IEntityTypeConfiguration<PostTarget>
{
    public void Configure(EntityTypeBuilder<PostTarget> builder)
    {
        builder.Property(t => t.Platform).HasMaxLength(32);
        builder.Property(t => t.LastError).HasMaxLength(2000);
        builder.Property(t => t.PlatformPostId).HasMaxLength(512);
        builder.Property(t => t.PlatformPostUrl).HasMaxLength(2048);
        // A double-clicked "post" cannot create a second target for the same channel.
        builder.HasIndex(t => new { t.PostId, t.ChannelId }).IsUnique();
        builder.HasIndex(t => new { t.Status, t.NextAttemptAt });
        builder.HasOne<Channel>().WithMany().HasForeignKey(t => t.ChannelId).OnDelete(DeleteBehavior.SetNull);
    }
}
