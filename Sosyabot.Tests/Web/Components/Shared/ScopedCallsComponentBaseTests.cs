using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Web.Components.Shared;

namespace Sosyabot.Tests.Web.Components.Shared;

// What every data-loading component relies on: a click during a load, or leaving a page mid-load, never
// shares or disposes a DbContext that another call is still using.
public class ScopedCallsComponentBaseTests : IAsyncLifetime
{
    private readonly BunitContext _context = new();
    private readonly Calls _calls = new();

    public Task InitializeAsync()
    {
        _context.Services.AddSingleton(_calls);
        _context.Services.AddScoped<ScopedService>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task A_call_made_while_the_first_load_runs_gets_a_service_of_its_own()
    {
        var component = _context.Render<LoadingComponent>();
        var load = _calls.Started.Single();

        var second = await component.InvokeAsync(() => component.Instance.CallAgainAsync());

        Assert.NotSame(load.Service, second);
        Assert.False(load.Service.Disposed);
        load.Release.SetResult();
        await _calls.Finished.Task;
        await load.Service.WasDisposed.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_component_removed_mid_call_leaves_the_call_its_service_until_the_call_ends()
    {
        _context.Render<LoadingComponent>();
        var load = _calls.Started.Single();

        await _context.DisposeComponentsAsync();
        Assert.False(load.Service.Disposed);

        load.Release.SetResult();
        Assert.Equal("used while alive", await _calls.Finished.Task);
        await load.Service.WasDisposed.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public sealed class Calls
    {
        public List<(ScopedService Service, TaskCompletionSource Release)> Started { get; } = [];
        public TaskCompletionSource<string> Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public sealed class ScopedService(Calls calls) : IAsyncDisposable
    {
        public bool Disposed => WasDisposed.Task.IsCompleted;
        public TaskCompletionSource WasDisposed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<string> BlockAsync()
        {
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            calls.Started.Add((this, release));
            await release.Task;
            var result = Disposed ? "used after dispose" : "used while alive";
            calls.Finished.TrySetResult(result);
            return result;
        }

        public Task<ScopedService> SelfAsync() => Task.FromResult(this);

        public ValueTask DisposeAsync()
        {
            WasDisposed.TrySetResult();
            return ValueTask.CompletedTask;
        }
    }

    public sealed class LoadingComponent : ScopedCallsComponentBase<ScopedService>
    {
        protected override Task OnInitializedAsync() => Call(s => s.BlockAsync());

        public Task<ScopedService> CallAgainAsync() => Call(s => s.SelfAsync());
    }
}
