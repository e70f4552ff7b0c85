using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Sosyabot.Tests.Emulator.Mastodon;

// GET /api/v2/instance (https://docs.joinmastodon.org/methods/instance/#v2): public, the server's
// limits under configuration. Only the current server has it; the old one is a 3.x server, where
// the route does not exist and Rails answers its HTML 404 page.
public sealed partial class MastodonServerEmulator
{
    // configuration.statuses.max_characters; stock Mastodon says 500, many servers raise it.
    public int MaxCharacters { get; set; } = 500;

    private int _instanceReads;

    public int InstanceReads => _instanceReads;

    private void MapInstance(IEndpointRouteBuilder routes, string prefix) =>
        routes.MapGet(prefix + "/api/v2/instance", Instance);

    private IResult Instance()
    {
        Interlocked.Increment(ref _instanceReads);
        if (!IsAtLeast43)
            return Results.Content("<!DOCTYPE html><html><body><h1>The page you are looking for isn't here.</h1></body></html>", "text/html", statusCode: 404);
        var host = new Uri(Origin).Host;
        return Json(200, new
        {
            domain = host,
            title = "Mastodon",
            version = "4.3.0",
            source_url = "https://github.com/mastodon/mastodon",
            description = "An emulated server.",
            usage = new { users = new { active_month = 3 } },
            thumbnail = new { url = $"https://{host}/packs/media/images/preview.png" },
            languages = new[] { "en" },
            configuration = new
            {
                urls = new { streaming = $"wss://{host}", status = (string?)null },
                accounts = new { max_featured_tags = 10, max_pinned_statuses = 5 },
                statuses = new { max_characters = MaxCharacters, max_media_attachments = 4, characters_reserved_per_url = 23 },
                media_attachments = new
                {
                    supported_mime_types = new[] { "image/jpeg", "image/png", "image/gif", "image/webp", "video/mp4", "video/quicktime", "video/webm" },
                    description_limit = 1500,
                    image_size_limit = 16777216,
                    image_matrix_limit = 33177600,
                    video_size_limit = 103809024,
                    video_frame_rate_limit = 120,
                    video_matrix_limit = 8294400,
                },
                polls = new { max_options = 4, max_characters_per_option = 50, min_expiration = 300, max_expiration = 2629746 },
                translation = new { enabled = false },
            },
            registrations = new { enabled = true, approval_required = false, message = (string?)null },
            contact = new { email = $"admin@{host}", account = (object?)null },
            rules = Array.Empty<object>(),
        });
    }
}
