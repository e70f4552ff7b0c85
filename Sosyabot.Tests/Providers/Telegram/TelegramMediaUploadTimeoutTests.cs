using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.Telegram;

// An upload gets ProviderHttpOptions.UploadTimeout, not the short timeout of ordinary calls: with a
// one-second default, a photo Telegram takes two seconds to answer is still posted, while a text
// message just as slow is cut off (and Unknown, since it may have been posted).
public class TelegramMediaUploadTimeoutTests(TelegramMediaUploadTimeoutTests.ShortTimeoutFixture fixture) : IClassFixture<TelegramMediaUploadTimeoutTests.ShortTimeoutFixture>
{
    public sealed class ShortTimeoutFixture : EmulatedAppFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings() =>
            new Dictionary<string, string?>(base.Settings()) { ["Providers:Http:Timeout"] = "00:00:01", ["Providers:Http:UploadTimeout"] = "00:00:20" };
    }

    [Fact]
    public async Task A_slow_photo_upload_completes_where_a_slow_text_message_times_out()
    {
        var target = await TelegramMediaTarget.ConnectAsync(fixture);
        var (bot, chat, context) = (target.Bot, target.Chat, target.Context);
        fixture.Emulator.Inject("POST", $"/telegram/bot{bot.Token}/sendPhoto", Fault.Slow(TimeSpan.FromSeconds(2)));
        fixture.Emulator.Inject("POST", $"/telegram/bot{bot.Token}/sendMessage", Fault.Slow(TimeSpan.FromSeconds(2)));

        var photo = await Publishers.PublishAsync(fixture.Factory.Services, Publishers.Request(context, "Slow photo", [Publishers.Image(null)]));
        var text = await Assert.ThrowsAsync<ProviderException>(() => Publishers.PublishAsync(fixture.Factory.Services, Publishers.Request(context, "Slow text")));

        var post = Assert.IsType<PublishedPost>(photo);
        Assert.Equal(Assert.Single(chat.Messages).MessageId.ToString(), post.PlatformPostId);
        Assert.Equal(ProviderErrorKind.Unknown, text.Kind);
    }
}
