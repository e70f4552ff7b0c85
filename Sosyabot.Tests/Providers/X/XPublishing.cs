using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Providers.X;
using Sosyabot.Tests.Emulator.X;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.X;

// What the publishing tests share: a freshly connected X channel as the engine sees it (a
// ChannelContext with the decrypted tokens), the provider's capabilities found through the registry,
// and requests and media built the way the engine builds them.
public sealed class XPublishing(EmulatedAppFixture fixture)
{
    public const string TweetsPath = "/x-api/2/tweets";

    private readonly OAuthConnectDriver _driver = new(fixture);

    public XEmulator X => fixture.Emulator.Platform<XEmulator>();

    public async Task<(XAccount Account, ChannelContext Channel)> ConnectAsync()
    {
        var user = await TestUsers.CreateAsync(fixture.Factory.Services);
        var account = X.SignIn(X.CreateAccount($"u{Guid.NewGuid():N}"[..12]));
        var result = await _driver.ConnectAsync(user, XDefaults.Key);
        Assert.True(result.Succeeded);
        var channel = await _driver.ChannelAsync(result.ChannelId!.Value);
        return (account, channel.ToContext(await _driver.TokensAsync(channel.Id)));
    }

    public T Find<T>() where T : class =>
        fixture.Factory.Services.GetRequiredService<ProviderRegistry>().Find<T>(XDefaults.Key)
        ?? throw new InvalidOperationException($"X has no {typeof(T).Name}.");

    public int Mark() => _driver.Mark();

    public List<Emulator.RecordedRequest> RequestsSince(int mark, string method, string path) => _driver.RequestsSince(mark, method, path);

    public static PublishRequest Request(ChannelContext channel, string text, PublishedPost? parent = null, int index = 0, int count = 1, params PublishMedia[] media) =>
        new(channel, new PublishPart(text, media), index, count, Root: null, parent, new JsonObject(), $"target-{Guid.NewGuid():N}-{index}");

    public static string Unique(string text) => $"{text} #{Guid.NewGuid().ToString("N")[..8]}";

    // A real 1×1 PNG.
    public static PublishMedia Png(string? altText) => Media(MediaKind.Image, "image/png", "dot.png", Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="), altText);

    // An MP4 file type box followed by enough bytes to need three APPEND segments.
    public static PublishMedia Mp4(int length = 9 * 1024 * 1024)
    {
        var bytes = new byte[length];
        byte[] ftyp = [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', 0, 0, 2, 0,
            (byte)'i', (byte)'s', (byte)'o', (byte)'m', (byte)'m', (byte)'p', (byte)'4', (byte)'1'];
        ftyp.CopyTo(bytes, 0);
        return Media(MediaKind.Video, "video/mp4", "clip.mp4", bytes, null);
    }

    private static PublishMedia Media(MediaKind kind, string type, string name, byte[] bytes, string? altText) =>
        new(Guid.NewGuid(), kind, type, bytes.Length, 1, 1, altText, name, _ => Task.FromResult<Stream>(new MemoryStream(bytes, writable: false)));
}
