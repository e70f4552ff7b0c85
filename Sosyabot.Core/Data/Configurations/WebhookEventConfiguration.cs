using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sosyabot.Core.Webhooks;
using Sosyabot.Core.Workspaces;

namespace Sosyabot.Core.Data.Configurations;

internal sealed class WebhookEventConfiguration : IEntityTypeConfiguration<WebhookEvent>
{
    public void Configure(EntityTypeBuilder<WebhookEvent> builder)
    {
        builder.Property(e => e.Type).HasMaxLength(64);
        builder.Property(e => e.Payload).HasColumnType("jsonb");
        builder.HasIndex(e => new { e.WorkspaceId, e.CreatedAt });
        builder.HasOne<Workspace>().WithMany().HasForeignKey(e => e.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
