using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Users;
using Sosyabot.Core.Workspaces;
using Sosyabot.Tests.TestSupport;
using Sosyabot.Web.Components.Pages.Channels;

namespace Sosyabot.Tests.Web.Components.Pages.Channels;

// The channels page rendered for a signed-in member, with dialogs and popovers where the app has them.
public abstract class ChannelsPageTestBase(DatabaseFixture db) : ComponentTestBase(db)
{
    private IRenderedComponent<MudDialogProvider>? _dialogs;

    // Two cores shared with the rest of the suite: bUnit's one-second default fails renders that are only slow.
    static ChannelsPageTestBase() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    protected IRenderedComponent<MudDialogProvider> Dialogs => _dialogs ??= Context.Render<MudDialogProvider>();

    protected async Task<(Guid WorkspaceId, AppUser User)> SignedInAsync(WorkspaceRole role)
    {
        var (workspaceId, user) = await Db.MemberWithRoleAsync(role);
        SignIn(user);
        return (workspaceId, user);
    }

    protected async Task<Guid> AdminWorkspaceAsync() => (await SignedInAsync(WorkspaceRole.Admin)).WorkspaceId;

    protected async Task<Channel> AddAsync(Guid workspaceId, string platform, Action<Channel>? change = null)
    {
        var channel = TestData.NewChannel(workspaceId, platform);
        change?.Invoke(channel);
        await using var context = Db.CreateDbContext();
        context.Channels.Add(channel);
        await context.SaveChangesAsync();
        return channel;
    }

    protected IRenderedComponent<ChannelsPage> RenderPage(Guid workspaceId, string query = "")
    {
        _ = Dialogs;
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/w/{workspaceId}/channels{query}");
        return Render<ChannelsPage>(p => p.Add(x => x.WorkspaceId, workspaceId));
    }
}
