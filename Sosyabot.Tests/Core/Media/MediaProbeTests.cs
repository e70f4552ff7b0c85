using Sosyabot.Core.Media;

namespace Sosyabot.Tests.Core.Media;

public class MediaProbeTests
{
    [Theory]
    [InlineData("jpeg", 641, 359)]
    [InlineData("png", 300, 17)]
    [InlineData("webp-lossy", 250, 99)]
    [InlineData("webp-lossless", 123, 45)]
    [InlineData("webp-extended", 4000, 3000)]
    [InlineData("gif", 480, 270)]
    [InlineData("mp4", 1920, 1080)]
    public async Task Dimensions_come_from_the_headers(string file, int width, int height)
    {
        var bytes = file switch
        {
            "jpeg" => TestMedia.Jpeg(width, height),
            "png" => TestMedia.Png(width, height),
            "webp-lossy" => TestMedia.WebPLossy(width, height),
            "webp-lossless" => TestMedia.WebPLossless(width, height),
            "webp-extended" => TestMedia.WebPExtended(width, height),
            "gif" => TestMedia.Gif(width, height),
            _ => TestMedia.Mp4(width, height, 12.5),
        };

        var dimensions = await Probe(bytes);

        Assert.Equal((width, height), (dimensions.Width, dimensions.Height));
    }

    [Fact]
    public async Task A_photo_stored_sideways_reports_its_upright_size()
    {
        var dimensions = await Probe(TestMedia.JpegWithOrientation(640, 320, orientation: 6));
        Assert.Equal((320, 640), (dimensions.Width, dimensions.Height));
    }

    [Fact]
    public async Task A_video_reports_its_duration_from_the_movie_header()
    {
        var dimensions = await Probe(TestMedia.Mp4(640, 360, 12.5));
        Assert.Equal(TimeSpan.FromSeconds(12.5), dimensions.Duration);
    }

    [Fact]
    public async Task A_truncated_header_leaves_the_size_unknown_instead_of_failing()
    {
        var cut = TestMedia.Jpeg(100, 100)[..40];
        Assert.Equal(MediaDimensions.Unknown, await Probe(cut));
    }

    private static async Task<MediaDimensions> Probe(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var format = MediaTypeDetector.Detect(bytes.AsSpan(0, Math.Min(bytes.Length, MediaTypeDetector.HeadLength)));
        return await MediaProbe.ReadAsync(format, stream, CancellationToken.None);
    }
}
