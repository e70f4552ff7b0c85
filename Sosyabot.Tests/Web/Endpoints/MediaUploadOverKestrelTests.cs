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
        using var form = new MultipartFormDataContent();
        var part = new StreamContent(video);
        part.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        form.Add(part, "file", "long.mp4");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/workspaces/{account.PersonalWorkspaceId}/media") { Content = form };
        request.Headers.Add("RequestVerificationToken", await account.Client.AntiforgeryTokenAsync("/account/login"));

        var response = await account.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("video", length), (body.GetProperty("kind").GetString(), body.GetProperty("length").GetInt64()));
    }
}
