using SkiaSharp;

namespace Sosyabot.Core.Media;

// Decoding and re-encoding with SkiaSharp. Output is always JPEG: small, and taken by every platform.
// Transparent areas are flattened onto white, and the camera's EXIF orientation is applied, since a
// re-encoded JPEG carries no EXIF and would otherwise show a portrait photo on its side.
public static class MediaImages
{
    // A small file can declare a huge canvas (a decompression bomb); decoding allocates 4 bytes a pixel.
    public const long MaxPixels = 50_000_000;
    private const int Quality = 85;
    private static readonly SKSamplingOptions Sampling = new(SKCubicResampler.Mitchell);

    public sealed record Encoded(byte[] Bytes, int Width, int Height);

    public static Encoded? Thumbnail(Stream source, int size)
    {
        using var image = Decode(source, size);
        if (image is null) return null;
        var scale = Math.Min(1.0, (double)size / Math.Max(image.Width, image.Height));
        return Render(image, scale, Quality);
    }

    // Scales down until the JPEG fits: the first guess from the ratio of sizes, then smaller steps.
    public static Encoded? FitWithin(Stream source, long maxBytes)
    {
        using var image = Decode(source, null);
        if (image is null) return null;
        var scale = 1.0;
        for (var attempt = 0; attempt < 12; attempt++)
        {
            var encoded = Render(image, scale, Quality);
            if (encoded.Bytes.Length <= maxBytes) return encoded;
            scale *= Math.Min(0.9, Math.Sqrt((double)maxBytes / encoded.Bytes.Length) * 0.95);
        }
        return null;
    }

    private static Encoded Render(SKImage image, double scale, int quality)
    {
        var width = Math.Max(1, (int)Math.Round(image.Width * scale));
        var height = Math.Max(1, (int)Math.Round(image.Height * scale));
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.DrawImage(image, new SKRect(0, 0, width, height), Sampling);
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, quality);
        return new Encoded(data.ToArray(), width, height);
    }

    // With a target size, JPEG and WebP decode at a fraction of full size (down to 1/8), which keeps a
    // thumbnail of a 24-megapixel photo from allocating the whole 96 MB bitmap.
    private static SKImage? Decode(Stream source, int? targetSize)
    {
        using var codec = SKCodec.Create(source);
        if (codec is null || (long)codec.Info.Width * codec.Info.Height > MaxPixels) return null;
        var info = codec.Info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul);
        if (targetSize is { } size && Math.Max(info.Width, info.Height) > size)
            info = info.WithSize(codec.GetScaledDimensions((float)size / Math.Max(info.Width, info.Height)));
        using var bitmap = SKBitmap.Decode(codec, info);
        if (bitmap is null) return null;
        return Oriented(bitmap, codec.EncodedOrigin);
    }

    private static SKImage Oriented(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft) return SKImage.FromBitmap(bitmap);
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = swap ? (bitmap.Height, bitmap.Width) : (bitmap.Width, bitmap.Height);
        using var surface = SKSurface.Create(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.SetMatrix(OriginMatrix(origin, bitmap.Width, bitmap.Height));
        surface.Canvas.DrawBitmap(bitmap, 0, 0);
        return surface.Snapshot();
    }

    // The transform that turns the stored pixels upright, per EXIF orientation 2..8.
    private static SKMatrix OriginMatrix(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
