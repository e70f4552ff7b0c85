using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Sosyabot.Tests.Core.Media;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Web.Endpoints;

public class MediaUploadOverKestrelTests(KestrelMediaAppFixture app) : IClassFixture<KestrelMediaAppFixture>
{
    [Fact]
    public async Task A_video_larger_than_Kestrels_default_30_MB_body_limit_is_streamed_in()
    {
        using var account = await TestAccount.RegisterAsync(app);
        const long length = 40L * 1024 * 1024;
        var video = new ProducingStream(TestMedia.Mp4(1920, 1080, 30), length);
        var part = new StreamContent(video) { Headers = { ContentType = new MediaTypeHeaderValue("video/mp4") } };

        var response = await MediaUploadRequests.PostAsync(account.Client, account.PersonalWorkspaceId, part, "long.mp4");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("video", length), (body.GetProperty("kind").GetString(), body.GetProperty("length").GetInt64()));
    }
}
