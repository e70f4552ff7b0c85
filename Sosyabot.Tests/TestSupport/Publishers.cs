using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Publishing;

namespace Sosyabot.Tests.TestSupport;

// Calls a platform's publishing capabilities as the engine does: the provider found through
// ProviderRegistry in a fresh scope, the channel as a ChannelContext built from the stored row.
public static class Publishers
{
    // A real 2×2 PNG (RGBA), small enough for every platform's limits.
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAEUlEQVR4nGP4z8DwH4QZYAwAR8oH+WdZbrcAAAAASUVORK5CYII=");

    public static async Task<ChannelContext> ContextAsync(IServiceProvider services, Guid channelId)
    {
        var channel = await CredentialChannels.GetAsync(services, channelId);
        return channel.ToContext(await CredentialChannels.TokensAsync(services, channelId));
    }

    public static async Task<TResult> WithAsync<TCapability, TResult>(IServiceProvider services, string platform, Func<TCapability, Task<TResult>> call)
        where TCapability : class
    {
        await using var scope = services.CreateAsyncScope();
        var capability = scope.ServiceProvider.GetRequiredService<ProviderRegistry>().Find<TCapability>(platform);
        Assert.NotNull(capability);
        return await call(capability);
    }

    public static Task<PublishResult> PublishAsync(IServiceProvider services, PublishRequest request) =>
        WithAsync<IPublisher, PublishResult>(services, request.Channel.Platform, p => p.PublishAsync(request, CancellationToken.None));

    public static Task<PublishResult> CheckAsync(IServiceProvider services, PublishRequest request, PendingPublish pending) =>
        WithAsync<IPublishStatusChecker, PublishResult>(services, request.Channel.Platform, p => p.CheckAsync(request, pending, CancellationToken.None));

    public static Task<PublishedPost?> FindAsync(IServiceProvider services, PublishRequest request, DateTimeOffset attemptStartedAt) =>
        WithAsync<IPublishResolver, PublishedPost?>(services, request.Channel.Platform, p => p.FindAsync(request, attemptStartedAt, CancellationToken.None));

    public static PublishRequest Request(ChannelContext channel, string text, IReadOnlyList<PublishMedia>? media = null, JsonObject? fields = null,
        int index = 0, int count = 1, PublishedPost? root = null, PublishedPost? parent = null, string? key = null) =>
        new(channel, new PublishPart(text, media ?? []), index, count, root, parent, fields ?? [], key ?? $"{Guid.NewGuid():N}:{index}");

    public static PublishMedia Image(string? alt, byte[]? bytes = null, string contentType = "image/png", string fileName = "image.png")
    {
        var content = bytes ?? Png;
        return new PublishMedia(Guid.NewGuid(), MediaKind.Image, contentType, content.Length, 2, 2, alt, fileName,
            _ => Task.FromResult<Stream>(new MemoryStream(content, writable: false)));
    }

    // Publishes each part as a reply to the previous one, as the engine walks a thread.
    public static async Task<List<PublishedPost>> ThreadAsync(IServiceProvider services, ChannelContext channel, params string[] texts)
    {
        var posts = new List<PublishedPost>();
        var key = Guid.NewGuid().ToString("N");
        for (var i = 0; i < texts.Length; i++)
        {
            var request = Request(channel, texts[i], index: i, count: texts.Length, root: posts.FirstOrDefault(), parent: posts.LastOrDefault(), key: $"{key}:{i}");
            posts.Add(Assert.IsType<PublishedPost>(await PublishAsync(services, request)));
        }
        return posts;
    }
}
