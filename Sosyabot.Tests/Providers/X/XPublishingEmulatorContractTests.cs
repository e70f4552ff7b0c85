using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.Emulator.X;

namespace Sosyabot.Tests.Providers.X;

// What the emulator's publishing endpoints refuse, as X does. The publisher never sends these
// requests, so the refusals are pinned here, where a too-lenient emulator would otherwise go unseen.
public sealed class XPublishingEmulatorContractTests : IAsyncLifetime
{
    private const string AllScopes = "tweet.read tweet.write users.read media.write offline.access";

    private readonly HttpClient _http = new();
    private ProviderEmulator _emulator = default!;
    private XEmulator _x = default!;
    private XAccount _account = default!;

    public async Task InitializeAsync()
    {
        _x = new XEmulator();
        _emulator = await ProviderEmulator.StartAsync(_x);
        _account = _x.CreateAccount("poster");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, HttpContent? content, string? scope = AllScopes, XAccount? account = null)
    {
        using var request = new HttpRequestMessage(method, _emulator.Url("x-api" + path)) { Content = content };
        if (scope is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _x.IssueAccessToken(account ?? _account, scope));
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static string FirstMessage(JsonElement body) => body.GetProperty("errors")[0].GetProperty("message").GetString()!;

    private async Task<string> InitializeAsync(string type, long bytes)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/2/media/upload/initialize", JsonContent.Create(new { media_type = type, total_bytes = bytes }));
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("data").GetProperty("id").GetString()!;
    }

    private Task<(HttpStatusCode, JsonElement)> AppendAsync(string id, int segment, int bytes) =>
        SendAsync(HttpMethod.Post, $"/2/media/upload/{id}/append", new MultipartFormDataContent
        {
            { new StringContent(segment.ToString(System.Globalization.CultureInfo.InvariantCulture)), "segment_index" },
            { new ByteArrayContent(new byte[bytes]), "media", "chunk" },
        });

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("tweet.read users.read", HttpStatusCode.Forbidden)]
    public async Task Creating_a_post_needs_a_user_token_with_tweet_write(string? scope, HttpStatusCode expected)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/2/tweets", JsonContent.Create(new { text = "hi" }), scope);

        Assert.Equal(expected, status);
        Assert.Equal((int)expected, body.GetProperty("status").GetInt32());
        Assert.Empty(_x.TweetsOf(_account));
    }

    [Fact]
    public async Task A_post_needs_text_or_media_and_a_form_body_is_not_json()
    {
        var (empty, body) = await SendAsync(HttpMethod.Post, "/2/tweets", JsonContent.Create(new { }));
        var (form, _) = await SendAsync(HttpMethod.Post, "/2/tweets", new FormUrlEncodedContent([KeyValuePair.Create("text", "hi")]));

        Assert.Equal(HttpStatusCode.BadRequest, empty);
        Assert.Equal("https://api.twitter.com/2/problems/invalid-request", body.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, form);
        Assert.Empty(_x.TweetsOf(_account));
    }

    [Fact]
    public async Task Media_can_be_attached_only_by_its_owner_once_processing_succeeded()
    {
        var video = await InitializeAsync("video/mp4", 10);
        await AppendAsync(video, 0, 10);
        await SendAsync(HttpMethod.Post, $"/2/media/upload/{video}/finalize", null);

        var (processing, body) = await SendAsync(HttpMethod.Post, "/2/tweets", JsonContent.Create(new { text = "clip", media = new { media_ids = new[] { video } } }));
        var (someoneElse, _) = await SendAsync(HttpMethod.Post, "/2/tweets",
            JsonContent.Create(new { text = "clip", media = new { media_ids = new[] { video } } }), account: _x.CreateAccount("other"));

        Assert.Equal(HttpStatusCode.BadRequest, processing);
        Assert.Equal("Your media IDs are invalid.", FirstMessage(body));
        Assert.Equal(HttpStatusCode.BadRequest, someoneElse);
        Assert.Empty(_x.TweetsOf(_account));
    }

    [Fact]
    public async Task A_segment_over_5_mb_and_a_finalize_with_bytes_missing_are_refused()
    {
        var id = await InitializeAsync("video/mp4", 6 * 1024 * 1024);

        var (tooBig, _) = await AppendAsync(id, 0, 5 * 1024 * 1024 + 1);
        var (ok, _) = await AppendAsync(id, 0, 1024);
        var (early, body) = await SendAsync(HttpMethod.Post, $"/2/media/upload/{id}/finalize", null);

        Assert.Equal(HttpStatusCode.BadRequest, tooBig);
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(HttpStatusCode.BadRequest, early);
        Assert.StartsWith("File size mismatch", FirstMessage(body));
    }

    [Fact]
    public async Task The_timeline_takes_between_5_and_100_results_per_page()
    {
        var (status, body) = await SendAsync(HttpMethod.Get, $"/2/users/{_account.Id}/tweets?max_results=200", null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("is not between 5 and 100", FirstMessage(body));
    }
}
