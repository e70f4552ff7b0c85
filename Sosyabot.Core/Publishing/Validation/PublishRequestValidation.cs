using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Providers.Publishing.Rules;

namespace Sosyabot.Core.Publishing.Validation;

// A publisher's last line: a part that breaks its platform's rules is refused before any request
// leaves, in the validator's words, so the rules stay the one place a limit is written. Pure and
// cheap (no lookups): the engine has already validated with what needs one (a server's own limit).
public static class PublishRequestValidation
{
    public static void EnsureValid(this PublishRequest request, PublishingRules rules)
    {
        var problems = PublishValidator.Validate(ContentToValidate.From(request), rules);
        if (problems.Count > 0)
            throw new ProviderException(ProviderErrorKind.Rejected, string.Join(" ", problems.Select(p => p.Message)));
    }
}
