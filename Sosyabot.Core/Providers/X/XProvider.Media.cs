using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;

namespace Sosyabot.Core.Providers.X;

// The v2 chunked upload for every kind of media: initialize, append the file in segments, finalize.
// An upload is invisible until a tweet attaches it and expires on its own, so sending one again after
// a lost answer publishes nothing twice: its steps are marked repeatable (a failure is Transient, not
// Unknown), and only POST /2/tweets can leave a publish Unknown.
public sealed partial class XProvider
{
    // X takes up to 5 MB per APPEND; one segment is read into memory at a time, never the whole file.
    private const int SegmentBytes = 4 * 1024 * 1024;

    private async Task<XMediaUpload> UploadAsync(string token, PublishMedia media, CancellationToken ct)
    {
        var initialize = new HttpRequestMessage(HttpMethod.Post, XDefaults.MediaInitializeEndpoint)
        {
            Content = JsonContent.Create(new XMediaInitializeRequest(media.ContentType, media.Length, Category(media.Kind))),
        };
        var id = (await SendMediaAsync(initialize, token, ct))?.Id
            ?? throw new ProviderException(ProviderErrorKind.Transient, "X started the media upload without giving it an id.");

        await using (var source = await media.OpenAsync(ct))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(SegmentBytes);
            try
            {
                for (var segment = 0; await source.ReadAtLeastAsync(buffer.AsMemory(0, SegmentBytes), SegmentBytes, throwOnEndOfStream: false, ct) is var read and > 0; segment++)
                {
                    var file = new ByteArrayContent(buffer, 0, read);
                    file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                    var append = new HttpRequestMessage(HttpMethod.Post, XDefaults.MediaAppendEndpoint(id))
                    {
                        Content = new MultipartFormDataContent
                        {
                            { new StringContent(segment.ToString(CultureInfo.InvariantCulture)), "segment_index" },
                            { file, "media", media.FileName },
                        },
                    };
                    await SendMediaAsync(append, token, ct);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        var finalized = await SendMediaAsync(new HttpRequestMessage(HttpMethod.Post, XDefaults.MediaFinalizeEndpoint(id)), token, ct);
        return new XMediaUpload(id, finalized?.ProcessingInfo);
    }

    private async Task<XMediaUpload> MediaStatusAsync(string token, string id, CancellationToken ct) =>
        new(id, (await SendMediaAsync(new HttpRequestMessage(HttpMethod.Get, XDefaults.MediaStatusEndpoint(id)), token, ct))?.ProcessingInfo);

    private async Task DescribeAsync(string token, string id, string altText, CancellationToken ct) =>
        await SendMediaAsync(new HttpRequestMessage(HttpMethod.Post, XDefaults.MediaMetadataEndpoint)
        {
            Content = JsonContent.Create(new XMediaMetadataRequest(id, new XMediaMetadata(new XAltText(altText)))),
        }, token, ct);

    private async Task<XMediaUpload?> SendMediaAsync(HttpRequestMessage request, string token, CancellationToken ct)
    {
        using var message = Authorized(request, token).MarkRepeatable();
        var response = await Api().SendAsync(message, ct, apis.Options.UploadTimeout);
        // APPEND answers with an empty body.
        return response.Json is { ValueKind: JsonValueKind.Object } json ? json.Deserialize<XMediaUploadResponse>()?.Data : null;
    }

    private static string Category(MediaKind kind) => kind switch
    {
        MediaKind.Image => "tweet_image",
        MediaKind.Gif => "tweet_gif",
        _ => "tweet_video",
    };
}
