using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sosyabot.Core.Workspaces;

namespace Sosyabot.Core.Data.Configurations;

internal sealed class WorkspaceConfiguration : IEntityTypeConfiguration<Workspace>
{
    public void Configure(EntityTypeBuilder<Workspace> builder)
    {
        builder.Property(w => w.Name).HasMaxLength(100);
        builder.Property(w => w.TimeZone).HasMaxLength(64);
        // Existing workspaces get the same default as new ones.
        builder.Property(w => w.LatenessWindow).HasDefaultValue(TimeSpan.FromHours(1));
        builder.HasMany(w => w.Members).WithOne(m => m.Workspace).HasForeignKey(m => m.WorkspaceId);
    }
}
