using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Publishing;

namespace Sosyabot.Tests.TestSupport;

// Publishing as the engine does it, for every platform's tests: a connected channel's context (read
// back from the database and decrypted), requests and media built the way the engine builds them,
// and each capability found through ProviderRegistry in a fresh scope.
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

    // A text no earlier test on the same account has posted (X refuses duplicates).
    public static string Unique(string text) => $"{text} #{Guid.NewGuid().ToString("N")[..8]}";

    public static PublishMedia Image(string? alt, byte[]? bytes = null, string contentType = "image/png", string fileName = "image.png") =>
        Media(MediaKind.Image, contentType, fileName, bytes ?? Png, alt, width: 2, height: 2);

    // An MP4 file type box followed by zeros; the default length needs three of X's APPEND segments.
    public static PublishMedia Mp4(int length = 9 * 1024 * 1024)
    {
        var bytes = new byte[length];
        byte[] ftyp = [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', 0, 0, 2, 0,
            (byte)'i', (byte)'s', (byte)'o', (byte)'m', (byte)'m', (byte)'p', (byte)'4', (byte)'1'];
        ftyp.CopyTo(bytes, 0);
        return Media(MediaKind.Video, "video/mp4", "clip.mp4", bytes, null, width: 1, height: 1);
    }

    private static PublishMedia Media(MediaKind kind, string contentType, string fileName, byte[] bytes, string? alt, int width, int height) =>
        new(Guid.NewGuid(), kind, contentType, bytes.Length, width, height, alt, fileName, _ => Task.FromResult<Stream>(new MemoryStream(bytes, writable: false)));

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
