using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Accounts;
using Sosyabot.Core.Data;
using Sosyabot.Core.Workspaces;

namespace Sosyabot.Tests.TestSupport;

public sealed record TestUser(Guid Id, string Email, Guid WorkspaceId);

public static class TestUsers
{
    // Meets the app's Identity rules (8+ characters with a digit, an upper- and a lower-case letter).
    public const string Password = "Correct horse battery 9";

    // A registered user with their personal workspace (where they are Owner), through the real service.
    public static async Task<TestUser> CreateAsync(IServiceProvider services, string? email = null)
    {
        email ??= $"user-{Guid.NewGuid():N}@example.com";
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<RegistrationService>().RegisterAsync(email, Password);
        Assert.True(result.Success, string.Join("; ", result.Errors));
        var db = scope.ServiceProvider.GetRequiredService<SosyabotDbContext>();
        var workspaceId = await db.WorkspaceMembers.Where(m => m.UserId == result.User!.Id).Select(m => m.WorkspaceId).SingleAsync();
        return new TestUser(result.User!.Id, email, workspaceId);
    }

    public static async Task AddMemberAsync(IServiceProvider services, Guid workspaceId, Guid userId, WorkspaceRole role)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SosyabotDbContext>();
        db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = workspaceId, UserId = userId, Role = role, JoinedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }
}
