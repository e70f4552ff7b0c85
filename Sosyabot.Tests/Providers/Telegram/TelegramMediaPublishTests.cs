using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sosyabot.Core.Providers.Http;
using Sosyabot.Core.Providers.Publishing;
using Sosyabot.Core.Providers.Telegram;
using Sosyabot.Tests.Emulator;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Providers.Telegram;

// Posts with media on a connected Telegram channel, through the publisher the registry finds for
// "telegram", against the emulator's multipart sendPhoto/sendVideo/sendAnimation/sendMediaGroup.
public class TelegramMediaPublishTests(EmulatedAppFixture fixture) : IClassFixture<EmulatedAppFixture>
{
    // A real 1×1 GIF (the classic transparent pixel) and the first box of an MP4 file.
    private static readonly byte[] Gif = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
    private static readonly byte[] Mp4 = [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', 0, 0, 2, 0, (byte)'i', (byte)'s', (byte)'o', (byte)'m', (byte)'m', (byte)'p', (byte)'4', (byte)'1'];

    private Task<TelegramMediaTarget> ConnectAsync() => TelegramMediaTarget.ConnectAsync(fixture);

    private static PublishMedia Video(string fileName = "clip.mp4") =>
        new(Guid.NewGuid(), MediaKind.Video, "video/mp4", Mp4.Length, 640, 360, null, fileName, _ => Task.FromResult<Stream>(new MemoryStream(Mp4, writable: false)));

    private static PublishMedia Animation() =>
        new(Guid.NewGuid(), MediaKind.Gif, "image/gif", Gif.Length, 1, 1, null, "wave.gif", _ => Task.FromResult<Stream>(new MemoryStream(Gif, writable: false)));

    private Task<PublishResult> PublishAsync(TelegramMediaTarget target, string text, params PublishMedia[] media) =>
        Publishers.PublishAsync(fixture.Factory.Services, Publishers.Request(target.Context, text, media, new JsonObject { [TelegramProvider.SilentField] = true }));

    private int Posts(TelegramMediaTarget target, string method) => fixture.Emulator.RequestsTo("POST", target.Path(method)).Count();

    [Fact]
    public async Task A_photo_goes_out_through_sendPhoto_as_a_file_with_the_text_as_caption()
    {
        var target = await ConnectAsync();

        var post = Assert.IsType<PublishedPost>(await PublishAsync(target, "Our new office", Publishers.Image(null, fileName: "office.png")));

        var message = Assert.Single(target.Chat.Messages);
        Assert.Equal("Our new office", message.Text);
        Assert.True(message.Silent);
        var photo = Assert.Single(message.Media);
        Assert.Equal(("photo", "office.png", "image/png"), (photo.Type, photo.FileName, photo.ContentType));
        Assert.Equal(Publishers.Png, photo.Content);
        Assert.Equal((2, 2), (photo.Width, photo.Height));
        Assert.Equal(message.MessageId.ToString(), post.PlatformPostId);
        Assert.Equal($"https://t.me/{target.Chat.Username}/{message.MessageId}", post.Url);
        var request = Assert.Single(fixture.Emulator.RequestsTo("POST", target.Path("sendPhoto")));
        Assert.StartsWith("multipart/form-data", request.Header("Content-Type"));
        Assert.Equal(0, Posts(target, "sendMessage"));
    }

    [Fact]
    public async Task A_video_goes_out_through_sendVideo_with_its_size_and_streaming()
    {
        var target = await ConnectAsync();

        var post = Assert.IsType<PublishedPost>(await PublishAsync(target, "Launch film", Video()));

        var message = Assert.Single(target.Chat.Messages);
        Assert.Equal("Launch film", message.Text);
        var video = Assert.Single(message.Media);
        Assert.Equal(("video", "clip.mp4", "video/mp4"), (video.Type, video.FileName, video.ContentType));
        Assert.Equal(Mp4, video.Content);
        Assert.Equal((640, 360), (video.Width, video.Height));
        Assert.True(video.SupportsStreaming);
        Assert.Equal(message.MessageId.ToString(), post.PlatformPostId);
        Assert.Equal(1, Posts(target, "sendVideo"));
    }

    [Fact]
    public async Task A_gif_goes_out_through_sendAnimation()
    {
        var target = await ConnectAsync();

        var post = Assert.IsType<PublishedPost>(await PublishAsync(target, "", Animation()));

        var message = Assert.Single(target.Chat.Messages);
        Assert.Equal("", message.Text);
        var animation = Assert.Single(message.Media);
        Assert.Equal(("animation", "wave.gif", "image/gif"), (animation.Type, animation.FileName, animation.ContentType));
        Assert.Equal(Gif, animation.Content);
        Assert.Equal(message.MessageId.ToString(), post.PlatformPostId);
        Assert.Equal(1, Posts(target, "sendAnimation"));
        Assert.Equal(0, Posts(target, "sendPhoto"));
    }

    [Fact]
    public async Task Three_items_go_out_as_one_album_with_the_caption_on_the_first_and_the_first_message_as_the_post()
    {
        var target = await ConnectAsync();

        var post = Assert.IsType<PublishedPost>(await PublishAsync(target, "Day one",
            Publishers.Image(null, fileName: "a.png"), Video("b.mp4"), Publishers.Image(null, fileName: "c.png")));

        var messages = target.Chat.Messages;
        Assert.Equal(3, messages.Count);
        Assert.Equal(["Day one", "", ""], messages.Select(m => m.Text));
        Assert.Equal(["photo", "video", "photo"], messages.Select(m => Assert.Single(m.Media).Type));
        Assert.Equal(["a.png", "b.mp4", "c.png"], messages.Select(m => m.Media[0].FileName));
        Assert.NotNull(messages[0].MediaGroupId);
        Assert.All(messages, m => Assert.Equal(messages[0].MediaGroupId, m.MediaGroupId));
        Assert.True(messages[1].Media[0].SupportsStreaming);
        Assert.Equal(messages[0].MessageId.ToString(), post.PlatformPostId);
        Assert.Equal($"https://t.me/{target.Chat.Username}/{messages[0].MessageId}", post.Url);
        Assert.Equal(1, Posts(target, "sendMediaGroup"));
    }

    [Fact]
    public async Task A_later_part_with_media_answers_the_part_before_it()
    {
        var target = await ConnectAsync();
        var first = Assert.IsType<PublishedPost>(await PublishAsync(target, "Part one", Publishers.Image(null)));

        var request = Publishers.Request(target.Context, "Part two", [Video()], index: 1, count: 2, root: first, parent: first);
        var second = Assert.IsType<PublishedPost>(await Publishers.PublishAsync(fixture.Factory.Services, request));

        var reply = target.Chat.Messages.Single(m => m.MessageId.ToString() == second.PlatformPostId);
        Assert.Equal(long.Parse(first.PlatformPostId), reply.ReplyTo);
        Assert.Equal("video", Assert.Single(reply.Media).Type);
    }

    [Fact]
    public async Task A_caption_over_1024_utf16_units_is_refused_before_anything_is_uploaded()
    {
        var target = await ConnectAsync();
        // 513 emoji: 513 characters to a person, 1,026 UTF-16 units to Telegram.
        var text = string.Concat(Enumerable.Repeat("😀", 513));

        var refused = await Assert.ThrowsAsync<ProviderException>(() => PublishAsync(target, text, Publishers.Image(null)));

        Assert.Equal(ProviderErrorKind.Rejected, refused.Kind);
        Assert.Equal("Telegram: 1,026 of 1,024 characters in a caption.", refused.Message);
        Assert.Empty(target.Chat.Messages);
        Assert.DoesNotContain(fixture.Emulator.Requests, r => r.Path.StartsWith($"/telegram/bot{target.Bot.Token}/send"));
    }

    [Fact]
    public async Task A_gif_in_an_album_is_refused_before_sending()
    {
        var target = await ConnectAsync();

        var refused = await Assert.ThrowsAsync<ProviderException>(() => PublishAsync(target, "Mixed", Publishers.Image(null), Animation()));

        Assert.Equal(ProviderErrorKind.Rejected, refused.Kind);
        Assert.Contains("GIF", refused.Message);
        Assert.Empty(target.Chat.Messages);
        Assert.Equal(0, Posts(target, "sendMediaGroup"));
    }

    [Fact]
    public async Task A_photo_past_telegrams_10_mb_is_refused_with_its_size_and_the_limit()
    {
        var target = await ConnectAsync();
        var large = Publishers.Image(null) with { Length = 12L * 1024 * 1024 };

        var refused = await Assert.ThrowsAsync<ProviderException>(() => PublishAsync(target, "Big", large));

        Assert.Equal(ProviderErrorKind.Rejected, refused.Kind);
        Assert.Contains("image 1 is 12 MB, the limit is 10 MB", refused.Message);
        Assert.Equal(0, Posts(target, "sendPhoto"));
    }

    [Fact]
    public async Task An_upload_whose_answer_is_lost_is_unknown_and_was_sent_once()
    {
        var target = await ConnectAsync();
        fixture.Emulator.Inject("POST", target.Path("sendMediaGroup"), Fault.AppliedThenReset);

        var lost = await Assert.ThrowsAsync<ProviderException>(() => PublishAsync(target, "Album", Publishers.Image(null), Publishers.Image(null)));

        Assert.Equal(ProviderErrorKind.Unknown, lost.Kind);
        Assert.Equal(2, target.Chat.Messages.Count);
        Assert.Equal(1, Posts(target, "sendMediaGroup"));
    }

    [Fact]
    public async Task The_emulator_refuses_an_album_whose_attach_reference_has_no_file_part_as_telegram_does()
    {
        var target = await ConnectAsync();
        using var http = new HttpClient();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(target.Chat.Id.ToString()), "chat_id" },
            { new StringContent("""[{"type":"photo","media":"attach://file0"},{"type":"photo","media":"attach://file1"}]"""), "media" },
        };
        var file = new ByteArrayContent(Publishers.Png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file0", "a.png");

        using var response = await http.PostAsync(fixture.Emulator.Url(target.Path("sendMediaGroup")), form);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(body.GetProperty("ok").GetBoolean());
        Assert.Equal("Bad Request: can't parse InputMedia: media not found", body.GetProperty("description").GetString());
        Assert.Empty(target.Chat.Messages);
    }

    [Fact]
    public async Task The_emulator_refuses_an_animation_in_an_album_and_a_long_caption_in_telegrams_words()
    {
        var target = await ConnectAsync();
        using var http = new HttpClient();

        async Task<string?> SendAsync(string method, string field, string json, string? caption = null)
        {
            using var form = new MultipartFormDataContent { { new StringContent(target.Chat.Id.ToString()), "chat_id" }, { new StringContent(json), field } };
            if (caption is not null) form.Add(new StringContent(caption), "caption");
            form.Add(new ByteArrayContent(Gif), "file0", "a.gif");
            using var response = await http.PostAsync(fixture.Emulator.Url(target.Path(method)), form);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("description").GetString();
        }

        Assert.Equal("Bad Request: can't parse InputMedia: type \"animation\" can't be used in sendMediaGroup",
            await SendAsync("sendMediaGroup", "media", """[{"type":"animation","media":"attach://file0"},{"type":"photo","media":"attach://file0"}]"""));
        Assert.Equal("Bad Request: there are no messages to send", await SendAsync("sendMediaGroup", "media", "[]"));
        Assert.Equal("Bad Request: message caption is too long", await SendAsync("sendAnimation", "animation", "attach://file0", new string('x', 1025)));
        Assert.Empty(target.Chat.Messages);
    }
}
