using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Media;
using Sosyabot.Tests.TestSupport;

namespace Sosyabot.Tests.Core.Media;

// A migrated database plus a media folder of its own, removed afterwards.
public sealed class MediaDatabaseFixture : DatabaseFixture
{
    public string MediaRoot { get; } = Path.Combine(Path.GetTempPath(), $"sosyabot-media-{Guid.NewGuid():N}");

    protected override void AddSettings(IDictionary<string, string?> settings) => settings["Media:Root"] = MediaRoot;

    public string[] FilesOf(Guid workspaceId)
    {
        var folder = Path.Combine(MediaRoot, workspaceId.ToString("N"));
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];
    }

    public async Task<byte[]> ReadAsync(string key)
    {
        await using var file = await Services.GetRequiredService<IMediaStorage>().OpenAsync(key, CancellationToken.None);
        using var copy = new MemoryStream();
        await file.CopyToAsync(copy);
        return copy.ToArray();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(MediaRoot)) Directory.Delete(MediaRoot, recursive: true);
    }
}
