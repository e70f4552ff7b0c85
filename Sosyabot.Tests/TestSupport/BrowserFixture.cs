using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Sosyabot.Tests.TestSupport;

// The real app on a loopback port and one headless Chromium, shared by the tests of one class.
// Chromium comes from the machine (Debian's package), never from `playwright install`.
public class BrowserFixture : IAsyncLifetime
{
    private readonly AppFixture _app;

    public BrowserFixture() : this(new AppFixture())
    {
    }

    protected BrowserFixture(AppFixture app) => _app = app;

    protected AppFixture App => _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        // A port chosen up front, so the app's base URL (and its OAuth redirect URIs) is the real address.
        var port = TestPorts.Free();
        _app.ExtraSettings["App:BaseUrl"] = $"http://127.0.0.1:{port}";
        await _app.InitializeAsync();
        _app.Factory.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        _app.Factory.StartServer();
        var addresses = _app.Factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseAddress = new Uri(addresses.Addresses.Single());

        // Two cores shared with the rest of the suite: the 5-second default is too tight for a first render.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    // A fresh browser profile: its own cookies, nothing shared with other tests.
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString() });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _app.DisposeAsync();
    }
}
