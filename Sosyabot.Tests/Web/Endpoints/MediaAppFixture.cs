using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Web.Endpoints;

// The real app with a media folder of its own, removed afterwards.
public class MediaAppFixture : AppFixture
{
    public string MediaRoot { get; } = Path.Combine(Path.GetTempPath(), $"sosyabot-media-{Guid.NewGuid():N}");

    protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?> { ["Media:Root"] = MediaRoot };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(MediaRoot)) Directory.Delete(MediaRoot, recursive: true);
    }
}
