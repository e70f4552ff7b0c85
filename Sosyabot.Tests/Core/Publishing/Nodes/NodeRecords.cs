using System.Text.RegularExpressions;

namespace Sosyabot.Tests.Core.Publishing.Nodes;

// The targets a node's log says it recorded as published (TargetRecorder's "Target … recorded as Published").
public static partial class NodeRecords
{
    public static HashSet<Guid> PublishedIn(string log) =>
        Published().Matches(log).Select(m => Guid.Parse(m.Groups[1].Value)).ToHashSet();

    [GeneratedRegex(@"Target ([0-9a-f-]{36}) on \w+ recorded as Published")]
    private static partial Regex Published();
}
