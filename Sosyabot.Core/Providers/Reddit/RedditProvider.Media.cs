using System.Net.Http.Headers;
using System.Text.Json;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;

namespace Sosyabot.Core.Providers.Reddit;

// Reddit's media upload lease, as praw's Subreddit._upload_media does it: /api/media/asset.json gives a
// presigned S3 form (args.action without a scheme, args.fields), the file is POSTed there with every
// field, and the submit names https:{action}/{key}. Nothing is posted until the submit, so a lost
// lease or upload answer leaves at most an unused object behind: both are marked repeatable.
public sealed partial class RedditProvider
{
    private async Task<string> UploadImageAsync(ChannelContext channel, PublishMedia image, CancellationToken ct)
    {
        using var leaseRequest = AuthorizedRequest(HttpMethod.Post, RedditDefaults.MediaAssetEndpoint, channel).MarkRepeatable();
        leaseRequest.Content = new FormUrlEncodedContent([new("filepath", image.FileName), new("mimetype", image.ContentType)]);
        var lease = (await Api(RedditErrorInspector.Api).SendForJsonAsync(leaseRequest, ct)).Deserialize<RedditMediaLease>()?.Args;
        var key = lease?.Fields?.FirstOrDefault(f => f.Name == "key")?.Value;
        var action = lease?.Action is { Length: > 0 } raw && raw.StartsWith("//", StringComparison.Ordinal) ? "https:" + raw : lease?.Action;
        if (key is not { Length: > 0 } || !Uri.TryCreate(action, UriKind.Absolute, out var target) || target.Scheme != Uri.UriSchemeHttps)
            throw new ProviderException(ProviderErrorKind.Transient, "Reddit answered the image upload request without a usable upload form.");

        await using var file = await image.OpenAsync(ct);
        using var upload = new HttpRequestMessage(HttpMethod.Post, target).MarkRepeatable();
        var form = new MultipartFormDataContent();
        foreach (var field in lease!.Fields!)
        {
            var part = new StringContent(field.Value);
            part.Headers.ContentType = null;
            form.Add(part, field.Name);
        }
        // S3 ignores every form field after the file, so the file goes last.
        var content = new StreamContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(image.ContentType);
        form.Add(content, "file", image.FileName);
        upload.Content = form;
        await Api(RedditMediaUploadInspector.Instance).SendAsync(upload, ct, apis.Options.UploadTimeout);
        return $"{target.AbsoluteUri.TrimEnd('/')}/{key}";
    }
}
