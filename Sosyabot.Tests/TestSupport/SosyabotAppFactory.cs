using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Sosyabot.Tests.TestSupport;

// The real app (Program.cs) against a test database. Settings are passed as configuration only,
// the same way an operator would set them.
public sealed class SosyabotAppFactory(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the app serves assets from a published wwwroot; from the build output it
        // needs the static web assets manifest, or blazor.web.js and MudBlazor's files answer 500.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Sosyabot", connectionString);
        builder.UseSetting("App:BaseUrl", "http://127.0.0.1");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
    }
}
