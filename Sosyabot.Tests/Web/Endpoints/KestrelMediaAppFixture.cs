using System.Net;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Web.Endpoints;

// The same app served by Kestrel on a loopback port: the request body size limit and streaming are
// Kestrel's, which the in-memory test server does not enforce.
public sealed class KestrelMediaAppFixture : MediaAppFixture
{
    private readonly int _port = TestPorts.Free();

    private Uri BaseAddress => new($"http://127.0.0.1:{_port}");

    public override async Task InitializeAsync()
    {
        // The app's base URL is the real address, as BrowserFixture does: the app builds its links from it.
        ExtraSettings["App:BaseUrl"] = BaseAddress.ToString().TrimEnd('/');
        await base.InitializeAsync();
        Factory.UseKestrel(o => o.Listen(IPAddress.Loopback, _port));
        Factory.StartServer();
    }

    // A plain client over the network; the factory's own client follows redirects whatever it is told.
    public override HttpClient CreateClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = BaseAddress };
}
