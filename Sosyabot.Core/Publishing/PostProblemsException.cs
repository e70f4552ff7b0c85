using Sosyabot.Core.Publishing.Validation;

namespace Sosyabot.Core.Publishing;

// A post that breaks a channel's rules: every problem, per channel, for the page to show beside
// the channel it concerns; the message reads on its own where only text can be shown.
public sealed class PostProblemsException(IReadOnlyList<ValidationProblem> problems)
    : InvalidRequestException(string.Join(" ", problems.Select(p => p.Message)))
{
    public IReadOnlyList<ValidationProblem> Problems { get; } = problems;
}
