using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sosyabot.Core.Users;

namespace Sosyabot.Core.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.ToTable("users");
        // At most one row can hold the flag through the registration lock; the index keeps the lookup cheap.
        builder.HasIndex(u => u.IsSystemAdmin).HasFilter("is_system_admin");
    }
}
