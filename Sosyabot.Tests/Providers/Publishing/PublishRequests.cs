using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.Publishing;

// Publish requests as the engine builds them: a connected channel's context (read back from the
// database and decrypted), one part, platform fields and a stable key; and the publisher found the
// way the engine finds it, through the registry in a fresh scope.
public static class PublishRequests
{
    // A real 1×1 PNG, so uploads carry an image and not placeholder bytes.
    public static readonly byte[] PngBytes = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static async Task<ChannelContext> ContextAsync(IServiceProvider services, Guid channelId)
    {
        var channel = await CredentialChannels.GetAsync(services, channelId);
        return channel.ToContext(await CredentialChannels.TokensAsync(services, channelId));
    }

    public static PublishRequest For(ChannelContext channel, string text, JsonObject fields, IReadOnlyList<PublishMedia>? media = null, int partCount = 1) =>
        new(channel, new PublishPart(text, media ?? []), 0, partCount, null, null, fields, $"{Guid.NewGuid():N}:0");

    public static PublishMedia Png(string? altText = null, string fileName = "pixel.png") =>
        new(Guid.NewGuid(), MediaKind.Image, "image/png", PngBytes.Length, 1, 1, altText, fileName,
            _ => Task.FromResult<Stream>(new MemoryStream(PngBytes, writable: false)));

    public static async Task<T> WithAsync<T>(IServiceProvider services, Func<ProviderRegistry, Task<T>> action)
    {
        await using var scope = services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ProviderRegistry>());
    }

    public static Task<PublishResult> PublishAsync(IServiceProvider services, PublishRequest request) =>
        WithAsync(services, r => r.Find<IPublisher>(request.Channel.Platform)!.PublishAsync(request, default));

    public static Task<PublishedPost?> FindAsync(IServiceProvider services, PublishRequest request, DateTimeOffset attemptStartedAt) =>
        WithAsync(services, r => r.Find<IPublishResolver>(request.Channel.Platform)!.FindAsync(request, attemptStartedAt, default));
}
