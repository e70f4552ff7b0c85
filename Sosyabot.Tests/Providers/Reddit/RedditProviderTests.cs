using Sosyabot.Tests.TestSupport;
using Microsoft.Extensions.Options;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Reddit;

namespace Sosyabot.Tests.Providers.Reddit;

public class RedditProviderTests
{
    private static RedditProvider Provider(RedditOptions options) =>
        new(TestApis.NoHttp, Options.Create(options), TimeProvider.System);

    [Fact]
    public void Without_client_settings_the_missing_keys_are_named()
    {
        Assert.Equal(["Providers:Reddit:ClientId", "Providers:Reddit:ClientSecret"], Provider(new RedditOptions()).MissingSettings);
        Assert.Empty(Provider(new RedditOptions { ClientId = "id", ClientSecret = "secret" }).MissingSettings);
    }

    [Fact]
    public void Without_a_configured_user_agent_a_descriptive_default_is_sent()
    {
        var agent = Provider(new RedditOptions()).UserAgent;

        Assert.Matches(@"^sosyabot:\d+\.\d+[^ ]* \(self-hosted\)$", agent);
        Assert.Equal("mybot:1.2 (by /u/me)", Provider(new RedditOptions { UserAgent = " mybot:1.2 (by /u/me)\r\n" }).UserAgent);
    }

    [Fact]
    public async Task The_authorize_url_asks_for_a_permanent_grant_without_pkce()
    {
        var authorization = await Provider(new RedditOptions { ClientId = "cid", ClientSecret = "s" })
            .CreateAuthorizationAsync(new OAuthAuthorizationRequest("st", "https://app.example/api/v1/auth/reddit/callback", "challenge", null), default);

        Assert.False(authorization.UsesPkce);
        Assert.Null(authorization.Issuer);
        Assert.Equal(
            "https://www.reddit.com/api/v1/authorize?client_id=cid&response_type=code&state=st&redirect_uri=https%3A%2F%2Fapp.example%2Fapi%2Fv1%2Fauth%2Freddit%2Fcallback&duration=permanent&scope=identity%20submit%20read%20history",
            authorization.AuthorizeUrl.AbsoluteUri);
    }

    [Theory]
    [InlineData("https://styles.redditmedia.com/t5_1/styles/profileIcon_a.png?width=256&amp;height=256&amp;s=9f", "https://styles.redditmedia.com/t5_1/styles/profileIcon_a.png")]
    [InlineData("https://www.redditstatic.com/avatars/defaults/v2/avatar_default_3.png", "https://www.redditstatic.com/avatars/defaults/v2/avatar_default_3.png")]
    [InlineData("", null)]
    [InlineData("http://insecure.example/a.png", null)]
    [InlineData("not a url", null)]
    public void Avatar_urls_are_unescaped_and_stripped_of_their_query(string raw, string? expected) =>
        Assert.Equal(expected, RedditProvider.AvatarUrl(raw));

}
