using Sosyabot.Tests.TestSupport;
using Microsoft.Extensions.Options;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.X;

namespace Sosyabot.Tests.Providers.X;

public class XProviderTests
{
    private static XProvider Provider(XOptions options) => new(TestApis.NoHttp, Options.Create(options), TimeProvider.System);

    [Fact]
    public void Without_client_settings_the_missing_keys_are_named()
    {
        Assert.Equal(["Providers:X:ClientId", "Providers:X:ClientSecret"], Provider(new XOptions()).MissingSettings);
        Assert.Empty(Provider(new XOptions { ClientId = "id", ClientSecret = "secret" }).MissingSettings);
    }

    [Fact]
    public async Task The_authorize_url_carries_an_s256_challenge_and_every_scope()
    {
        var authorization = await Provider(new XOptions { ClientId = "cid", ClientSecret = "s" })
            .CreateAuthorizationAsync(new OAuthAuthorizationRequest("st", "https://app.example/api/v1/auth/x/callback", "ch4llenge", null), default);

        Assert.True(authorization.UsesPkce);
        Assert.Equal(
            "https://x.com/i/oauth2/authorize?response_type=code&client_id=cid&redirect_uri=https%3A%2F%2Fapp.example%2Fapi%2Fv1%2Fauth%2Fx%2Fcallback"
            + "&scope=tweet.read%20tweet.write%20users.read%20media.write%20offline.access&state=st&code_challenge=ch4llenge&code_challenge_method=S256",
            authorization.AuthorizeUrl.AbsoluteUri);
    }

    [Fact]
    public void Both_cookies_are_secret_fields_with_help_on_where_to_find_them()
    {
        var fields = Provider(new XOptions()).Fields;

        Assert.Equal(["auth_token", "ct0"], fields.Select(f => f.Key));
        Assert.All(fields, f =>
        {
            Assert.Equal(CredentialFieldKind.Secret, f.Kind);
            Assert.True(f.Required);
            Assert.Contains($"value of {f.Key}", f.Help);
        });
        Assert.Contains("signed in to x.com, open the developer tools", fields[0].Help);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef01234567", "0123456789abcdef0123456789abcdef01234567")]
    [InlineData(" auth_token=0123456789abcdef0123456789abcdef01234567; ", "0123456789abcdef0123456789abcdef01234567")]
    [InlineData("'0123456789abcdef0123456789abcdef01234567'", "0123456789abcdef0123456789abcdef01234567")]
    [InlineData("0123456789abcdef 0123456789abcdef", null)]
    [InlineData("0123456789abcdef0123;456789abcdef", null)]
    [InlineData("", null)]
    public void A_pasted_auth_token_is_reduced_to_its_value_or_refused(string pasted, string? expected) =>
        Assert.Equal(expected, XWebSession.Clean(pasted, "auth_token"));

    [Fact]
    public void The_stored_session_round_trips_and_never_prints_its_cookies()
    {
        var session = new XWebSession("a".PadRight(40, 'b'), "c".PadRight(32, 'd'));

        Assert.Equal(session, XWebSession.TryParse(session.Serialize()));
        Assert.Null(XWebSession.TryParse("access-token-from-oauth"));
        Assert.DoesNotContain("bbbb", session.ToString());
    }
}
