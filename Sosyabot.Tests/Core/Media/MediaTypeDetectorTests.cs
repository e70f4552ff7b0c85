using Sosyabot.Core;
using Sosyabot.Core.Media;

namespace Sosyabot.Tests.Core.Media;

public class MediaTypeDetectorTests
{
    public static TheoryData<string, string> Files => new()
    {
        { "jpeg", "image/jpeg" }, { "png", "image/png" }, { "webp", "image/webp" }, { "gif", "image/gif" },
        { "mp4", "video/mp4" }, { "mov", "video/quicktime" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_accepted_type_is_known_from_its_first_bytes(string file, string contentType)
    {
        Assert.Equal(contentType, MediaTypeDetector.Detect(Sample(file)).ContentType);
    }

    [Fact]
    public void A_PDF_is_refused_with_a_message_that_names_it_and_the_accepted_types()
    {
        var refused = Assert.Throws<InvalidRequestException>(() => MediaTypeDetector.Detect(TestMedia.Pdf()));
        Assert.Equal("This file is a PDF; upload JPEG, PNG, WebP, GIF, MP4 or MOV.", refused.Message);
    }

    [Fact]
    public void A_HEIC_photo_is_refused_even_though_it_has_an_ftyp_box_like_MP4()
    {
        var refused = Assert.Throws<InvalidRequestException>(() => MediaTypeDetector.Detect(TestMedia.Mp4(10, 10, 1, brand: "heic")));
        Assert.StartsWith("This file is a HEIC image;", refused.Message);
    }

    [Fact]
    public void Unknown_bytes_are_refused()
    {
        var refused = Assert.Throws<InvalidRequestException>(() => MediaTypeDetector.Detect("just some text"u8));
        Assert.Equal("This file type is not supported; upload JPEG, PNG, WebP, GIF, MP4 or MOV.", refused.Message);
    }

    private static byte[] Sample(string file) => file switch
    {
        "jpeg" => TestMedia.Jpeg(4, 4),
        "png" => TestMedia.Png(4, 4),
        "webp" => TestMedia.WebPLossy(4, 4),
        "gif" => TestMedia.Gif(4, 4),
        "mp4" => TestMedia.Mp4(4, 4, 1),
        _ => TestMedia.Mp4(4, 4, 1, brand: "qt  "),
    };
}
