using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sosyabot.Core;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Workspaces;
using Sosyabot.Web.Infrastructure;

namespace Sosyabot.Web.Components.Pages.Channels;

public partial class ChannelRow
{
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private OAuthStartNavigation OAuthStart { get; set; } = default!;

    [Parameter, EditorRequired] public ChannelView Channel { get; set; } = default!;
    [Parameter] public PlatformInfo? Platform { get; set; }
    [Parameter] public bool CanManage { get; set; }
    // From the list, asked once for all platforms: asking per row would build every provider per row.
    [Parameter] public bool CanRefresh { get; set; }
    [Parameter] public Guid WorkspaceId { get; set; }
    [Parameter] public EventCallback Changed { get; set; }
    [Parameter] public EventCallback<(string, Severity)> OnMessage { get; set; }

    private MudMenu? _menu;
    private bool _menuBuilt;
    private bool _menuOpen;
    private bool _avatarFailed;

    private bool NeedsReconnect => Channel.Status == ChannelStatus.NeedsReconnect;
    private bool CanReconnect => Channel.LoginType == LoginType.OAuth || Platform is not null;
    private bool ShowsImage => !_avatarFailed && AvatarUrls.IsSafe(Channel.AvatarUrl);
    private string Initials => Channel.DisplayName.Trim() is { Length: > 0 } name ? char.ToUpperInvariant(name[0]).ToString() : "?";
    private string StarHint => Channel.IsDefault
        ? $"Default channel for {Platform?.DisplayName ?? Channel.Platform}: preselected in the composer"
        : $"Make this the default channel for {Platform?.DisplayName ?? Channel.Platform}: preselected in the composer";

    private string Handle => Channel.Username!.StartsWith('@') ? Channel.Username : "@" + Channel.Username;

    // The same flow as a first connect; the channel is updated in place because the account is the same.
    // Only OnClick, no Href: a menu item with both let the link and the forced load each start a flow.
    private Task ReconnectWithOAuth() => OAuthStart.GoAsync(Channel.Platform, WorkspaceId, Channel.Instance);

    // The menu of a row is built on its first use, not for every row of the page.
    private void BuildMenu()
    {
        _menuBuilt = true;
        _menuOpen = true;
    }

    // A menu item closes its menu only after its handler returns, and these handlers await a dialog.
    private async Task CloseMenuAsync()
    {
        if (_menu is not null) await _menu.CloseMenuAsync();
        _menuOpen = false;
    }

    // The same dialog as a first connect: the same account updates this channel in place.
    private async Task ReconnectWithCredentialsAsync()
    {
        await CloseMenuAsync();
        var initial = Platform?.UsernameField is { } field && Channel.Username is { } username
            ? new Dictionary<string, string> { [field] = username }
            : [];
        var dialog = await Dialogs.ShowAsync<CredentialsDialog>($"Reconnect {Channel.DisplayName}",
            new DialogParameters<CredentialsDialog> { { d => d.Platform, Platform! }, { d => d.WorkspaceId, WorkspaceId }, { d => d.Initial, initial } });
        if (await dialog.Result is { Canceled: false })
        {
            await OnMessage.InvokeAsync(($"Reconnected {Channel.DisplayName}.", Severity.Success));
            await Changed.InvokeAsync();
        }
    }

    private Task MakeDefaultAsync() => RunAsync(user => Call<ChannelService>(c => c.MakeDefaultAsync(user, WorkspaceId, Channel.Id)));

    private Task SetFlagsAsync(bool canBeSource, bool enabledForRepost) =>
        RunAsync(user => Call<ChannelService>(c => c.SetFlagsAsync(user, WorkspaceId, Channel.Id, canBeSource, enabledForRepost)));

    private Task RefreshAsync() => RunAsync(async user =>
    {
        var outcome = await Call<ChannelRefreshService, RefreshOutcome>(r => r.RefreshNowAsync(user, WorkspaceId, Channel.Id));
        await OnMessage.InvokeAsync(outcome.Succeeded
            ? ($"Refreshed {Channel.DisplayName}. The new token expires {outcome.ExpiresAt:yyyy-MM-dd HH:mm} UTC.", Severity.Success)
            : ($"Could not refresh {Channel.DisplayName}: {outcome.Message}", Severity.Error));
    });

    private async Task DisconnectAsync()
    {
        await CloseMenuAsync();
        var parameters = new DialogParameters<DisconnectDialog>
        {
            { d => d.Channel, Channel },
            { d => d.PlatformName, Platform?.DisplayName ?? Channel.Platform },
            { d => d.ConnectedAppsUrl, ConnectedApps.UrlFor(Channel) },
            { d => d.RevokeInstructions, Platform?.RevokeInstructions },
        };
        var dialog = await Dialogs.ShowAsync<DisconnectDialog>("Disconnect channel", parameters);
        if (await dialog.Result is { Canceled: false })
            await RunAsync(async user =>
            {
                await Call<ChannelDisconnectService>(d => d.DisconnectAsync(user, WorkspaceId, Channel.Id));
                await OnMessage.InvokeAsync(($"Disconnected {Channel.DisplayName}.", Severity.Info));
            });
    }

    private async Task RunAsync(Func<Guid, Task> action)
    {
        try
        {
            await action(await CurrentUser.IdAsync());
        }
        catch (Exception e) when (e is InvalidRequestException or WorkspaceAccessDeniedException)
        {
            await OnMessage.InvokeAsync((e.Message, Severity.Error));
        }
        await Changed.InvokeAsync();
    }
}
