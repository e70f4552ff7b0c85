using System.Globalization;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Providers.Publishing.Rules;
using Sosyabot.Core.Publishing.Counting;
using static Sosyabot.Core.Publishing.Validation.PublishValidator;

namespace Sosyabot.Core.Publishing.Validation;

// The media of one part against the platform's media rules: kinds, counts, mixing, types, sizes, alt text.
internal static class MediaChecks
{
    public static void Check(IReadOnlyList<ContentMedia> media, MediaRules rules, string where, Action<string, string> add)
    {
        if (media.Count == 0) return;
        if (rules.Kinds.Count == 0)
        {
            add(ValidationFields.Media, $"{where}: media cannot be attached; remove {Plural(media.Count, "item")}.");
            return;
        }
        if (media.Count > rules.MaxItems)
            add(ValidationFields.Media, $"{where}: at most {Plural(rules.MaxItems, "attachment")}; this post has {media.Count}.");
        var kinds = media.Select(m => m.Kind).Distinct().ToList();
        if (!rules.MixKinds && kinds.Count > 1)
            add(ValidationFields.Media, $"{where}: {string.Join(" and ", kinds.Select(Nouns))} cannot be in the same post; keep one kind.");
        foreach (var kind in kinds)
        {
            var count = media.Count(m => m.Kind == kind);
            if (rules.For(kind) is not { } rule)
                add(ValidationFields.Media, $"{where}: {Nouns(kind)} are not supported; remove {(count == 1 ? $"the {Noun(kind)}" : $"the {count} {Nouns(kind)}")}.");
            else if (count > rule.MaxCount)
                add(ValidationFields.Media, $"{where}: at most {Plural(rule.MaxCount, Noun(kind))}; this post has {count}.");
        }

        var ordinal = new Dictionary<MediaKind, int>();
        for (var i = 0; i < media.Count; i++)
        {
            var item = media[i];
            var label = $"{Noun(item.Kind)} {ordinal[item.Kind] = ordinal.GetValueOrDefault(item.Kind) + 1}";
            if (rules.For(item.Kind) is not { } rule) continue;
            if (!rule.ContentTypes.Contains(item.ContentType, StringComparer.OrdinalIgnoreCase))
                add(ValidationFields.MediaItem(i), $"{where}: {label} is {Format(item.ContentType)}; use {Either(rule.ContentTypes.Select(Format).ToList())}.");
            if (item.Length > rule.MaxBytes)
                add(ValidationFields.MediaItem(i), $"{where}: {label} is {Size(item.Length, rule.MaxBytes)}.");
            if ((rule.AltTextLimit ?? rules.AltTextLimit) is { } altLimit && item.AltText is { } alt && TextCounting.Graphemes(alt) is var altLength && altLength > altLimit)
                add(ValidationFields.AltText(i), $"{where}: the description of {label} has {N(altLength)} of {N(altLimit)} characters.");
        }
    }

    private static string Noun(MediaKind kind) => kind switch
    {
        MediaKind.Image => "image",
        MediaKind.Gif => "GIF",
        MediaKind.Video => "video",
        _ => kind.ToString(),
    };

    private static string Nouns(MediaKind kind) => Noun(kind) + "s";

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    // "1.8 MB, the limit is 1 MB"; in bytes when megabytes would show the same figure for both.
    private static string Size(long length, long limit)
    {
        string Mb(long bytes) => Math.Round(bytes / 1048576.0, 1).ToString("0.#", CultureInfo.InvariantCulture) + " MB";
        return Mb(length) != Mb(limit) ? $"{Mb(length)}, the limit is {Mb(limit)}" : $"{N(length)} bytes, the limit is {N(limit)} bytes";
    }

    private static string Format(string contentType) => contentType.ToLowerInvariant() switch
    {
        ContentTypes.Jpeg => "JPEG",
        ContentTypes.Png => "PNG",
        ContentTypes.WebP => "WebP",
        ContentTypes.Gif => "GIF",
        ContentTypes.Mp4 => "MP4",
        ContentTypes.QuickTime => "MOV",
        ContentTypes.WebM => "WebM",
        var other => other,
    };
}
