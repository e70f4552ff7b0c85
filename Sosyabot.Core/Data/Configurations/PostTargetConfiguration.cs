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
        builder.Property(t => t.LeaseOwner).HasMaxLength(200);
        builder.Property(t => t.PendingHandle).HasMaxLength(2000);
        builder.Property(t => t.OverrideParts).HasJsonbConversion();
        builder.Property(t => t.OverrideFields).HasColumnType("jsonb");
        builder.Property(t => t.Progress).HasJsonbConversion().HasDefaultValueSql("'[]'::jsonb");
        // A double-clicked "post" cannot create a second target for the same channel.
        builder.HasIndex(t => new { t.PostId, t.ChannelId }).IsUnique();
        // What the claim and the sweep look for: due work, by status.
        builder.HasIndex(t => new { t.Status, t.DueAt });
        builder.HasIndex(t => new { t.Status, t.NextAttemptAt });
        // The claim's own order: walked from the earliest due target, it stops at the first one it may
        // take, where the (status, due_at) index made it read and sort every due row (89 ms a claim with
        // 10,000 due at once, 0.3 ms with this one).
        builder.HasIndex(t => new { t.DueAt, t.Id }).HasFilter("status IN ('Scheduled', 'Waiting')").HasDatabaseName("ix_post_targets_claimable");
        builder.HasOne<Channel>().WithMany().HasForeignKey(t => t.ChannelId).OnDelete(DeleteBehavior.SetNull);
    }
}
