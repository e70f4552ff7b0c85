using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Connections;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Workspaces;
using Sosyabot.Web.Infrastructure;

namespace Sosyabot.Web.Components.Pages.Channels;

public partial class ChannelList
{
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private ConnectMessages StartMessages { get; set; } = default!;

    [Parameter, EditorRequired] public WorkspaceSummary Workspace { get; set; } = default!;
    [SupplyParameterFromQuery(Name = "connected")] public Guid? ConnectedChannel { get; set; }
    [SupplyParameterFromQuery(Name = "connect_attempt")] public Guid? FailedAttempt { get; set; }
    [SupplyParameterFromQuery(Name = "connect_error")] public string? ErrorCode { get; set; }
    [SupplyParameterFromQuery(Name = "connect_message")] public string? StartError { get; set; }

    // Null until the first read completes: "No channels yet" is only ever said about a finished read.
    private ChannelPage? _page;
    private int _pageIndex;
    private string? _search;
    private string? _message;
    private Severity _messageSeverity = Severity.Info;
    private IReadOnlySet<string> _refreshable = new HashSet<string>();

    private bool CanManage => Workspace.Role >= WorkspaceRole.Admin;
    private int PageCount => _page is null ? 0 : (_page.Total + ChannelPage.DefaultSize - 1) / ChannelPage.DefaultSize;
    private string RangeText => $"{_pageIndex * ChannelPage.DefaultSize + 1}–{_pageIndex * ChannelPage.DefaultSize + _page!.Items.Count} of {_page.Total}";

    // The same question ChannelRefreshService asks, so a row never offers a refresh the service refuses.
    protected override void OnInitialized() =>
        _refreshable = Ask<ProviderRegistry, IReadOnlySet<string>>(r => r.All.Where(p => p is ITokenRefresher).Select(p => p.Info.Key).ToHashSet());

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        if (FailedAttempt is { } attempt)
            ShowMessage((await Call<OAuthFlowService, string?>(async f => await f.ErrorOfAttemptAsync(await CurrentUser.IdAsync(), attempt)) ?? ConnectError.MessageFor(""), Severity.Error));
        else if (ErrorCode is not null)
            ShowMessage((ConnectError.MessageFor(ErrorCode), Severity.Error));
        else if (StartMessages.Read(StartError) is { } startError)
            ShowMessage((startError, Severity.Error));
        else if (ConnectedChannel is { } id && await FindAsync(id) is { } channel)
            ShowMessage((ConnectedText(channel), Severity.Success));
    }

    public static string ConnectedText(ChannelView channel) =>
        $"Connected {channel.DisplayName} on {PlatformCatalog.Find(channel.Platform)?.DisplayName ?? channel.Platform}.";

    private async Task<ChannelView?> FindAsync(Guid channelId) =>
        await Call<ChannelService, ChannelView?>(async c => await c.FindViewAsync(await CurrentUser.IdAsync(), Workspace.Id, channelId));

    private async Task<ChannelPage> PageAsync() =>
        await Call<ChannelService, ChannelPage>(async c => await c.PageAsync(await CurrentUser.IdAsync(), Workspace.Id, _search, _pageIndex));

    private async Task LoadAsync()
    {
        var page = await PageAsync();
        // A channel removed from the last page leaves it empty: show the page before instead.
        if (page.Items.Count == 0 && _pageIndex > 0)
        {
            _pageIndex = Math.Max(0, (page.Total - 1) / ChannelPage.DefaultSize);
            page = await PageAsync();
        }
        _page = page;
    }

    private Task SearchAsync(string? search)
    {
        _search = search;
        _pageIndex = 0;
        return LoadAsync();
    }

    private Task GoToAsync(int page)
    {
        _pageIndex = page - 1;
        return LoadAsync();
    }

    private async Task ConnectedAsync(Guid channelId)
    {
        if (await FindAsync(channelId) is { } channel)
            ShowMessage((ConnectedText(channel), Severity.Success));
        await LoadAsync();
    }

    private void ShowMessage((string Text, Severity Severity) message)
    {
        _message = message.Text;
        _messageSeverity = message.Severity;
    }
}
