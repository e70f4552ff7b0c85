using System.Xml;
using System.Xml.Linq;
using Sosyabot.Core.Providers.Http;

namespace Sosyabot.Core.Providers.Reddit;

// The S3 bucket behind Reddit's media lease answers in S3's XML: <Error><Code>EntityTooLarge</Code>
// <Message>Your proposed upload exceeds the maximum allowed size</Message></Error>. A refusal is told
// with S3's message; 5xx fall to the generic rules (the upload is repeatable, so Transient).
public sealed class RedditMediaUploadInspector : IProviderErrorInspector
{
    public static readonly RedditMediaUploadInspector Instance = new();

    public ProviderException? Inspect(ProviderResponse response)
    {
        var status = (int)response.Status;
        if (response.IsSuccess || status >= 500) return null;
        var (code, message) = S3Error(response.Body);
        return new ProviderException(ProviderErrorKind.Rejected,
            $"Reddit's media storage refused the image: {message ?? $"HTTP {status}"}{(code is null ? "" : $" ({code})")}.", statusCode: status);
    }

    private static (string? Code, string? Message) S3Error(string body)
    {
        try
        {
            var error = XDocument.Parse(body).Root;
            return (error?.Element("Code")?.Value, error?.Element("Message")?.Value.TrimEnd('.'));
        }
        catch (XmlException)
        {
            return (null, null);
        }
    }
}
