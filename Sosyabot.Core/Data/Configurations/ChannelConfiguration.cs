using Sosyabot.Core.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Workspaces;

namespace Sosyabot.Core.Data.Configurations;

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> builder)
    {
        builder.Property(c => c.Platform).HasMaxLength(32);
        builder.Property(c => c.Pid).HasMaxLength(512);
        builder.Property(c => c.DisplayName).HasMaxLength(300);
        builder.Property(c => c.Username).HasMaxLength(300);
        builder.Property(c => c.AvatarUrl).HasMaxLength(2048);
        builder.Property(c => c.StatusReason).HasMaxLength(1000);
        builder.Property(c => c.LoginType).HasConversion<int>();
        builder.Property(c => c.Settings).HasColumnType("jsonb");
        builder.HasIndex(c => new { c.WorkspaceId, c.Platform, c.Pid }).IsUnique();
        builder.HasIndex(c => new { c.WorkspaceId, c.Platform }).IsUnique().HasFilter("is_default");
        builder.HasOne<Workspace>().WithMany().HasForeignKey(c => c.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
