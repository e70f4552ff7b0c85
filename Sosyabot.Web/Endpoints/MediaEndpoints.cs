using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Sosyabot.Core;
using Sosyabot.Core.Media;
using Sosyabot.Core.Workspaces;

namespace Sosyabot.Web.Endpoints;

public static class MediaEndpoints
{
    public static WebApplication MapMedia(this WebApplication app)
    {
        // Anonymous on purpose: platforms fetch these; the signed, expiring token is the permission.
        app.MapGet(MediaLinks.PathPrefix + "{token}", ServeAsync).AllowAnonymous();
        app.MapPost("/api/v1/workspaces/{workspaceId:guid}/media", UploadAsync).RequireAuthorization().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ServeAsync(string token, HttpContext http, MediaLinks links, IMediaStorage storage, CancellationToken ct)
    {
        var key = links.Read(token);
        var format = key is null ? null : MediaFormat.FromExtension(Path.GetExtension(key).TrimStart('.'));
        if (key is null || format is null) return Results.NotFound();
        Stream file;
        try
        {
            file = await storage.OpenAsync(key, ct);
        }
        catch (FileNotFoundException)
        {
            return Results.NotFound();
        }
        catch (DirectoryNotFoundException)
        {
            return Results.NotFound();
        }
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, max-age=3600";
        return Results.File(file, format.ContentType, enableRangeProcessing: true);
    }

    // The composer's upload (and the API's later): one file per request, streamed section by section
    // so a 500 MB video never sits in memory or in ASP.NET's form buffer. Antiforgery is checked from
    // the header only: the form-field fallback would read (buffer) the whole body first.
    private static async Task<IResult> UploadAsync(Guid workspaceId, HttpContext http, IAntiforgery antiforgery,
        MediaUploadService uploads, MediaLinks links, IOptions<MediaOptions> options, CancellationToken ct)
    {
        if (!http.Request.Headers.ContainsKey(AntiforgeryHeader(http)) || !await antiforgery.IsRequestValidAsync(http))
            return Problem("The upload was not sent by Sosyabot's own page; reload the page and try again.", StatusCodes.Status400BadRequest);
        var boundary = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            ? HeaderUtilities.RemoveQuotes(type.Boundary).Value
            : null;
        if (string.IsNullOrEmpty(boundary)) return Problem("Send the file as multipart/form-data.", StatusCodes.Status415UnsupportedMediaType);

        // The largest kind's limit plus room for the multipart framing; each kind's own limit is the service's.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = Math.Max(options.Value.VideoMaxBytes, Math.Max(options.Value.ImageMaxBytes, options.Value.GifMaxBytes)) + 64 * 1024;

        var reader = new MultipartReader(boundary, http.Request.Body);
        for (var section = await reader.ReadNextSectionAsync(ct); section is not null; section = await reader.ReadNextSectionAsync(ct))
        {
            var disposition = section.GetContentDispositionHeader();
            if (disposition is null || !disposition.IsFileDisposition()) continue;
            try
            {
                var userId = Guid.Parse(http.User.FindFirstValue(ClaimTypes.NameIdentifier)!);
                var item = await uploads.UploadAsync(userId, workspaceId, section.Body, HeaderUtilities.RemoveQuotes(disposition.FileName).Value, ct);
                return Results.Created($"/api/v1/workspaces/{workspaceId}/media/{item.Id}", new UploadedMedia(
                    item.Id, item.Kind.ToString().ToLowerInvariant(), item.ContentType, item.Length, item.Width, item.Height,
                    item.Duration?.TotalSeconds, item.FileName, item.ThumbnailKey is null ? null : links.Create(item.ThumbnailKey).AbsoluteUri));
            }
            catch (WorkspaceAccessDeniedException e)
            {
                // With a body: an empty 404 would be re-executed as the HTML not-found page, which reads the POST's form.
                return Problem(e.Message, e.IsMember ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound);
            }
            catch (InvalidRequestException e)
            {
                return Problem(e.Message, StatusCodes.Status400BadRequest);
            }
        }
        return Problem("The request has no file; attach one in a field of type file.", StatusCodes.Status400BadRequest);
    }

    private static string AntiforgeryHeader(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.HeaderName ?? "RequestVerificationToken";

    private static IResult Problem(string detail, int status) => Results.Problem(detail: detail, statusCode: status);

    private sealed record UploadedMedia(
        Guid Id, string Kind, string ContentType, long Length, int? Width, int? Height, double? DurationSeconds, string FileName, string? ThumbnailUrl);
}
