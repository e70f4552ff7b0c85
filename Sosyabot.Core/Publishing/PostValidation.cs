using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sosyabot.Core.Channels;
using Sosyabot.Core.Data;
using Sosyabot.Core.Posts;
using Sosyabot.Core.Providers;
using Sosyabot.Core.Publishing.Validation;

namespace Sosyabot.Core.Publishing;

// A post's content as each of its channels will receive it, checked with the platform's own rules:
// when it is saved or scheduled (PostService) and again right before it is sent (TargetPublisher).
public sealed class PostValidation(SosyabotDbContext db, PublishValidationService validator)
{
    public async Task<IReadOnlyList<ValidationProblem>> ProblemsAsync(
        Guid workspaceId, IReadOnlyList<PostPart> parts, JsonObject platformFields, IReadOnlyList<Channel> channels, CancellationToken ct)
    {
        var media = await MediaAsync(workspaceId, parts, ct);
        var problems = new List<ValidationProblem>();
        foreach (var channel in channels)
            problems.AddRange(await ProblemsAsync(channel, parts, platformFields[channel.Platform] as JsonObject, media, ct));
        return problems;
    }

    public async Task<IReadOnlyList<ValidationProblem>> ProblemsAsync(Post post, PostTarget target, Channel channel, CancellationToken ct)
    {
        var parts = target.OverrideParts ?? post.Parts;
        return await ProblemsAsync(channel, parts, TargetPublisher.Fields(post, target), await MediaAsync(post.WorkspaceId, parts, ct), ct);
    }

    private async Task<IReadOnlyList<ValidationProblem>> ProblemsAsync(
        Channel channel, IReadOnlyList<PostPart> parts, JsonObject? fields, Dictionary<Guid, ContentMedia> media, CancellationToken ct)
    {
        var missing = parts.SelectMany(p => p.Media).Select((m, i) => (m.MediaId, Number: i + 1)).Where(m => !media.ContainsKey(m.MediaId)).ToList();
        if (missing.Count > 0)
            return missing.Select(m => new ValidationProblem(channel.Id, channel.Platform, null, ValidationFields.Media,
                $"Media {m.Number} is no longer in the media library; remove it from the post or upload it again.")).ToList();
        var content = new ContentToValidate(channel.Id, channel.Platform,
            parts.Select(p => new ContentPart(p.Text, p.Media.Select(m => media[m.MediaId] with { AltText = m.AltText }).ToList())).ToList(),
            ContentToValidate.FieldsOf(fields))
        {
            Instance = channel.Settings[ConnectedAccount.InstanceSetting] is JsonValue instance && instance.TryGetValue<string>(out var server) ? server : null,
        };
        return await validator.ValidateAsync(content, ct);
    }

    private async Task<Dictionary<Guid, ContentMedia>> MediaAsync(Guid workspaceId, IReadOnlyList<PostPart> parts, CancellationToken ct)
    {
        var ids = parts.SelectMany(p => p.Media).Select(m => m.MediaId).Distinct().ToList();
        if (ids.Count == 0) return [];
        return await db.MediaItems.AsNoTracking()
            .Where(m => m.WorkspaceId == workspaceId && ids.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => new ContentMedia(m.Kind, m.ContentType, m.Length, m.Width, m.Height), ct);
    }
}
