using System.Text.Json;

namespace Sosyabot.Tests.Core.Publishing.Counting;

// twitter-text's own conformance cases for the v3 configuration, read from the embedded copy of
// conformance/validate.yml (twitter-text-v3.conformance.json, converted as it was, not edited).
public static class XConformanceCases
{
    public sealed record Case(string Section, string Description, string Text, int WeightedLength, bool Valid)
    {
        public override string ToString() => Description;
    }

    private sealed record File(string Source, List<Case> Cases);

    public static IReadOnlyList<Case> All { get; } = Load();

    public static IEnumerable<object[]> Descriptions => All.Select(c => new object[] { c.Description });

    public static Case Named(string description) => All.Single(c => c.Description == description);

    private static List<Case> Load()
    {
        var assembly = typeof(XConformanceCases).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("twitter-text-v3.conformance.json", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        return JsonSerializer.Deserialize<File>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))!.Cases;
    }
}
