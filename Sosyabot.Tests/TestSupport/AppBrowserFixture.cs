namespace Sosyabot.Tests.TestSupport;

// A browser fixture whose tests also reach the app's services, to change data behind the page's back.
public sealed class AppBrowserFixture : BrowserFixture
{
    public IServiceProvider Services => App.Factory.Services;
}
