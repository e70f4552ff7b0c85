using System.Net;
using Sosyabot.Core.Net;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Net;

// an allowed server cannot bounce the client onto a private address.
public sealed class RedirectTests
{
    [Fact]
    public async Task A_redirect_to_loopback_is_returned_to_the_caller_not_followed()
    {
        using var trap = new TrapListener("127.0.0.1");
        var target = $"http://127.0.0.1:{trap.Port}/";
        await using var server = await LoopbackServer.StartAsync("127.0.0.5", context =>
        {
            context.Response.Redirect(target);
            return Task.CompletedTask;
        });
        using var safeHttp = SafeHttpTestHost.AllowingHttp(null, "127.0.0.5/32");
        var client = safeHttp.CreateClient();

        using var response = await client.GetAsync($"http://127.0.0.5:{server.Port}/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(target), response.Headers.Location);
        Assert.False(trap.WasConnected);

        // A caller that follows it by hand goes through the same checks.
        await Assert.ThrowsAsync<BlockedDestinationException>(() => client.GetAsync(response.Headers.Location));
        Assert.False(trap.WasConnected);
    }
}
