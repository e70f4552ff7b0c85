using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Connections;
using Sosyabot.Core.Workspaces;
using Sosyabot.Web.Infrastructure;

namespace Sosyabot.Web.Components.Pages.Channels;

// Its own DI scope, so its DbContext is never shared with components loading at the same time.
public partial class ChannelList
{
    private ChannelService Channels => ScopedServices.GetRequiredService<ChannelService>();
    private OAuthFlowService Flows => ScopedServices.GetRequiredService<OAuthFlowService>();
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private ConnectMessages StartMessages { get; set; } = default!;

    [Parameter, EditorRequired] public WorkspaceSummary Workspace { get; set; } = default!;
    [SupplyParameterFromQuery(Name = "connected")] public Guid? ConnectedChannel { get; set; }
    [SupplyParameterFromQuery(Name = "connect_attempt")] public Guid? FailedAttempt { get; set; }
    [SupplyParameterFromQuery(Name = "connect_error")] public string? ErrorCode { get; set; }
    [SupplyParameterFromQuery(Name = "connect_message")] public string? StartError { get; set; }

    private List<ChannelView> _channels = [];
    private string? _message;
    private Severity _messageSeverity = Severity.Info;

    private bool CanManage => Workspace.Role >= WorkspaceRole.Admin;

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        if (FailedAttempt is { } attempt)
            ShowMessage((await Flows.ErrorOfAttemptAsync(await CurrentUser.IdAsync(), attempt) ?? ConnectError.MessageFor(""), Severity.Error));
        else if (ErrorCode is not null)
            ShowMessage((ConnectError.MessageFor(ErrorCode), Severity.Error));
        else if (StartMessages.Read(StartError) is { } startError)
            ShowMessage((startError, Severity.Error));
        else if (ConnectedChannel is { } id && _channels.FirstOrDefault(c => c.Id == id) is { } channel)
            ShowMessage(($"Connected {channel.DisplayName}.", Severity.Success));
    }

    private async Task LoadAsync() => _channels = await Channels.ListAsync(await CurrentUser.IdAsync(), Workspace.Id);

    private void ShowMessage((string Text, Severity Severity) message)
    {
        _message = message.Text;
        _messageSeverity = message.Severity;
    }
}
