namespace Sosyabot.Core.Providers.Http;

// A platform's own reading of a response, consulted before the generic rules. Returns null to fall
// back to them. This is where errors inside a 200 (Reddit json.errors, Slack ok:false) are caught.
public interface IProviderErrorInspector
{
    ProviderException? Inspect(ProviderResponse response);
}
