using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.Bluesky;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.Bluesky;

// What the emulated video service and PDS refuse, as Bluesky does. The publisher never sends these
// requests, so the refusals are pinned here, where a too-lenient emulator would otherwise go unseen.
public sealed class BlueskyVideoEmulatorContractTests : IAsyncLifetime
{
    private const string UploadBlob = "com.atproto.repo.uploadBlob";
    private const string RepoAudience = "did:web:amanita.us-east.host.bsky.network";

    private readonly HttpClient _http = new();
    private readonly BlueskyEmulator _bluesky = new();
    private ProviderEmulator _emulator = default!;
    private BlueskyAccount _account = default!;
    private string _accessJwt = "";

    public async Task InitializeAsync()
    {
        _emulator = await ProviderEmulator.StartAsync(_bluesky);
        _account = _bluesky.Main.CreateAccount();
        var session = await _http.PostAsJsonAsync(_emulator.Url("bsky/xrpc/com.atproto.server.createSession"),
            new { identifier = _account.Handle, password = _account.AppPassword });
        _accessJwt = (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessJwt").GetString()!;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpRequestMessage request, string? bearer)
    {
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> ServiceAuthAsync(string aud, string lxm, TimeSpan lifetime) =>
        await SendAsync(new HttpRequestMessage(HttpMethod.Get, _emulator.Url(
            $"bsky/xrpc/com.atproto.server.getServiceAuth?aud={Uri.EscapeDataString(aud)}&lxm={lxm}&exp={(DateTimeOffset.UtcNow + lifetime).ToUnixTimeSeconds()}")), _accessJwt);

    private async Task<string> TokenAsync(string aud = RepoAudience, string lxm = UploadBlob) =>
        (await ServiceAuthAsync(aud, lxm, TimeSpan.FromMinutes(30))).Body.GetProperty("token").GetString()!;

    private Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(string? token, int bytes = 1024, string contentType = "video/mp4")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _emulator.Url($"bsky-video/xrpc/app.bsky.video.uploadVideo?did={Uri.EscapeDataString(_account.Did)}&name=clip.mp4"))
        {
            Content = new StreamContent(Publishers.Mp4(bytes).OpenAsync(CancellationToken.None).Result),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return SendAsync(request, token);
    }

    private static void AssertError(HttpStatusCode status, string error, string message, (HttpStatusCode Status, JsonElement Body) answer)
    {
        Assert.Equal(status, answer.Status);
        Assert.Equal(error, answer.Body.GetProperty("error").GetString());
        Assert.Equal(message, answer.Body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_upload_without_a_service_token_or_with_the_session_jwt_is_refused()
    {
        AssertError(HttpStatusCode.Unauthorized, "AuthMissing", "Authentication Required", await UploadAsync(null));
        AssertError(HttpStatusCode.Unauthorized, "BadJwtSignature", "jwt signature does not match jwt issuer", await UploadAsync(_accessJwt));
        Assert.Empty(_bluesky.Video.Jobs);
    }

    [Fact]
    public async Task An_upload_token_for_the_entryway_or_another_method_is_refused()
    {
        AssertError(HttpStatusCode.Unauthorized, "BadJwtAudience", "jwt audience does not match service did",
            await UploadAsync(await TokenAsync(aud: "did:web:bsky.social")));
        AssertError(HttpStatusCode.Unauthorized, "BadJwtLexiconMethod", "bad jwt lexicon method (\"lxm\"). must match: com.atproto.repo.uploadBlob",
            await UploadAsync(await TokenAsync(lxm: "app.bsky.video.uploadVideo")));
        Assert.Empty(_bluesky.Video.Jobs);
    }

    [Fact]
    public async Task An_upload_token_of_another_account_is_refused()
    {
        var other = _bluesky.Main.CreateAccount();
        var session = await _http.PostAsJsonAsync(_emulator.Url("bsky/xrpc/com.atproto.server.createSession"), new { identifier = other.Handle, password = other.AppPassword });
        _accessJwt = (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessJwt").GetString()!;

        AssertError(HttpStatusCode.Unauthorized, "BadJwtIssuer", "jwt issuer does not match the did of the upload", await UploadAsync(await TokenAsync()));
        Assert.Empty(_bluesky.Video.Jobs);
    }

    [Fact]
    public async Task The_upload_limits_need_a_token_addressed_to_the_video_service()
    {
        var request = () => new HttpRequestMessage(HttpMethod.Get, _emulator.Url("bsky-video/xrpc/app.bsky.video.getUploadLimits"));

        AssertError(HttpStatusCode.Unauthorized, "BadJwtAudience", "jwt audience does not match service did",
            await SendAsync(request(), await TokenAsync(lxm: "app.bsky.video.getUploadLimits")));
        var (status, limits) = await SendAsync(request(), await TokenAsync(aud: BlueskyVideoService.Did, lxm: "app.bsky.video.getUploadLimits"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(limits.GetProperty("canUpload").GetBoolean());
        Assert.Equal(25, limits.GetProperty("remainingDailyVideos").GetInt32());
    }

    [Fact]
    public async Task An_upload_that_is_not_mp4_or_over_the_limit_is_refused()
    {
        _bluesky.Video.MaxUploadBytes = 4096;
        var token = await TokenAsync();

        AssertError(HttpStatusCode.BadRequest, "InvalidRequest", "Wrong request encoding (Content-Type): video/quicktime",
            await UploadAsync(token, contentType: "video/quicktime"));
        AssertError(HttpStatusCode.BadRequest, "InvalidRequest", "file size (4097 bytes) is larger than the maximum allowed size (4096 bytes)",
            await UploadAsync(token, bytes: 4097));
        Assert.Empty(_bluesky.Video.Jobs);
        var (status, job) = await UploadAsync(token, bytes: 4096);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("JOB_STATE_CREATED", job.GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_pds_signs_no_token_for_more_than_an_hour()
    {
        AssertError(HttpStatusCode.BadRequest, "BadExpiration", "cannot request a token with an expiration more than an hour in the future",
            await ServiceAuthAsync(RepoAudience, UploadBlob, TimeSpan.FromHours(2)));
    }
}
