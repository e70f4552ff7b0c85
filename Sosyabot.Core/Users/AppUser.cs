using Microsoft.AspNetCore.Identity;

namespace Sosyabot.Core.Users;

public class AppUser : IdentityUser<Guid>
{
    public bool IsSystemAdmin { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
