using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sosyabot.Core.Posts;
using Sosyabot.Core.Workspaces;

namespace Sosyabot.Core.Data.Configurations;

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.Property(p => p.TimeZone).HasMaxLength(64);
        builder.Property(p => p.Parts).HasJsonbConversion().HasDefaultValueSql("'[]'::jsonb");
        builder.Property(p => p.PlatformFields).HasColumnType("jsonb").HasDefaultValueSql("'{}'::jsonb");
        builder.HasOne<Workspace>().WithMany().HasForeignKey(p => p.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Targets).WithOne(t => t.Post).HasForeignKey(t => t.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.WorkspaceId, p.ScheduledAt });
    }
}
