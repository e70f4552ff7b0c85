using System.Net.Http.Headers;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Web.Endpoints;

// What the composer will send: one multipart file field, with the antiforgery token in the header.
public static class MediaUploadRequests
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid workspaceId, HttpContent file, string fileName, bool withToken = true)
    {
        file.Headers.ContentType ??= new MediaTypeHeaderValue("application/octet-stream");
        using var form = new MultipartFormDataContent { { file, "file", fileName } };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/workspaces/{workspaceId}/media") { Content = form };
        if (withToken) request.Headers.Add("RequestVerificationToken", await client.AntiforgeryTokenAsync("/account/login"));
        return await client.SendAsync(request);
    }
}
