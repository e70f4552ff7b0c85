using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Sosyabot.Web.Components.Shared;

// Every service call of a component runs in a DI scope of its own, so its DbContext lives exactly as long
// as that call. One scope per component (OwningComponentBase) shares a DbContext between calls that run at
// once (a click during the first load, a reload on navigation while the last one runs: "a second operation
// was started on this context") and disposes it with the component even mid-query: a prerender that ends in
// a redirect or a page left while loading then closes a connection that is still opening, which throws and
// leaks that connection from the pool until the pool runs dry and every page waits for one.
public abstract class ScopedCallsComponentBase : ComponentBase
{
    [Inject] private IServiceScopeFactory ScopeFactory { get; set; } = default!;

    protected async Task<TResult> Call<TService, TResult>(Func<TService, Task<TResult>> call) where TService : notnull
    {
        await using var scope = ScopeFactory.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    protected async Task Call<TService>(Func<TService, Task> call) where TService : notnull
    {
        await using var scope = ScopeFactory.CreateAsyncScope();
        await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    // A question answered without I/O (which providers can do what), in a scope that ends with the answer.
    protected TResult Ask<TService, TResult>(Func<TService, TResult> question) where TService : notnull
    {
        using var scope = ScopeFactory.CreateScope();
        return question(scope.ServiceProvider.GetRequiredService<TService>());
    }
}

// The same for a component that calls one service.
public abstract class ScopedCallsComponentBase<TService> : ScopedCallsComponentBase where TService : notnull
{
    protected Task<TResult> Call<TResult>(Func<TService, Task<TResult>> call) => Call<TService, TResult>(call);

    protected Task Call(Func<TService, Task> call) => Call<TService>(call);
}
