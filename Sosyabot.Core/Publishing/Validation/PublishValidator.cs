using System.Globalization;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Mastodon;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Providers.Publishing.Rules;
using Sosyabot.Core.Publishing.Counting;

namespace Sosyabot.Core.Publishing.Validation;

// Checks one target against its platform's rules. Pure and allocation-light: the composer calls it
// on every keystroke. textLimit replaces the rules' text limit where the server sets its own
// (Mastodon; PublishValidationService looks it up).
public static class PublishValidator
{
    public static IReadOnlyList<ValidationProblem> Validate(ContentToValidate content, PublishingRules rules, int? textLimit = null)
    {
        var problems = new List<ValidationProblem>();
        var name = PlatformCatalog.Find(rules.Platform)?.DisplayName ?? rules.Platform;
        void Add(int? part, string field, string message) =>
            problems.Add(new ValidationProblem(content.ChannelId, content.Platform, part, field, message));

        var partCount = content.PartCount ?? content.Parts.Count;
        if (partCount > 1 && !rules.Threads)
            Add(null, ValidationFields.Parts, $"{name}: threads are not supported; keep one part, or post the others separately.");
        CheckFields(content, rules, name, Add);
        var contentWarning = content.Fields.GetValueOrDefault(MastodonDefaults.ContentWarningField);
        for (var i = 0; i < content.Parts.Count; i++)
        {
            var index = content.FirstPart + i;
            var where = partCount > 1 ? $"{name}, part {index + 1}" : name;
            var part = content.Parts[i];
            if (rules.RequiresContent && string.IsNullOrWhiteSpace(part.Text) && part.Media.Count == 0)
                Add(index, ValidationFields.Text, $"{where}: this part is empty; add text or media.");
            // Mastodon counts the content warning with the text; it belongs to the first part only.
            CheckText(part, rules, textLimit, index == 0 ? contentWarning : null, where, m => Add(index, ValidationFields.Text, m));
            MediaChecks.Check(part.Media, rules.Media, where, (field, m) => Add(index, field, m));
        }
        return problems;
    }

    private static void CheckText(ContentPart part, PublishingRules rules, int? textLimit, string? contentWarning, string where, Action<string> add)
    {
        var hasMedia = part.Media.Count > 0;
        if (rules.TextFor(hasMedia) is not { } rule) return;
        var limit = rule == rules.Text ? textLimit ?? rule.Limit : rule.Limit;
        var what = hasMedia && rules.Caption is not null ? " in a caption" : "";
        int count;
        if (rule.Counter == TextCounter.XWeighted)
        {
            var x = XWeightedLength.Count(part.Text);
            if (x.HasInvalidCharacters) add($"{where}: the text contains a character X refuses (U+FEFF, U+FFFE or U+FFFF); remove it.");
            count = x.Weighted;
        }
        else
        {
            count = rule.Counter == TextCounter.Mastodon ? MastodonLength.Count(part.Text, contentWarning) : TextCounting.Count(rule.Counter, part.Text);
        }
        if (count > limit) add($"{where}: {N(count)} of {N(limit.Value)} characters{what}.");
        if (rule.MaxUtf8Bytes is { } maxBytes && TextCounting.Utf8Bytes(part.Text) is var bytes && bytes > maxBytes)
            add($"{where}: the text takes {N(bytes)} of {N(maxBytes)} bytes (emoji and accented letters take several); shorten it.");
    }

    private static void CheckFields(ContentToValidate content, PublishingRules rules, string name, Action<int?, string, string> add)
    {
        foreach (var field in rules.Fields)
        {
            var value = content.Fields.GetValueOrDefault(field.Name);
            if (string.IsNullOrWhiteSpace(value))
            {
                if (field.Required) add(null, field.Name, $"{name}: a {field.Label.ToLowerInvariant()} is required.");
                continue;
            }
            if (field.MaxLength is { } max && TextCounting.CodePoints(value) is var length && length > max)
                add(null, field.Name, $"{name}: the {field.Label.ToLowerInvariant()} has {N(length)} of {N(max)} characters.");
            if (field.AllowedValues is { } allowed && !allowed.Contains(value))
                add(null, field.Name, $"{name}: {field.Label.ToLowerInvariant()} must be {Either(allowed)}, not \"{value}\".");
            if (field.Format is { } format && !format.IsMatch(value))
                add(null, field.Name, $"{name}: \"{value}\" is not a valid {field.Label.ToLowerInvariant()} ({field.FormatHint}).");
        }
    }

    internal static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    internal static string Either(IReadOnlyList<string> values) =>
        values.Count == 1 ? values[0] : string.Join(", ", values.Take(values.Count - 1)) + " or " + values[^1];
}
