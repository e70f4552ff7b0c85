using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sosyabot.Core.Posts;
using Sosyabot.Core.Providers.Reddit;

namespace Sosyabot.Bench.Publishing;

public sealed record BenchPost(int No, DateTimeOffset Due, IReadOnlyList<Guid> Channels);

// Posts written through PostService as the composer writes them: validated for every channel (Reddit's
// subreddit checked with the platform), stored, and given their Quartz trigger at the due time.
public sealed class PostWriter(IServiceProvider services, Guid userId, Guid workspaceId)
{
    public async Task<Guid[]> WriteAsync(string phase, IReadOnlyList<BenchPost> posts, int parallel = 4)
    {
        var ids = new Guid[posts.Count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < posts.Count; i = Interlocked.Increment(ref next))
            {
                var post = posts[i];
                var marker = Delivery.Marker(phase, post.No);
                var content = new PostContent([PostPart.Of($"{marker} Benchmark post {post.No}: one text to several channels at once.")], new JsonObject
                {
                    ["reddit"] = new JsonObject { [RedditDefaults.SubredditField] = ChannelSeeder.Subreddit, [RedditDefaults.TitleField] = marker },
                    ["listmonk"] = new JsonObject { ["subject"] = marker },
                });
                await using var scope = services.CreateAsyncScope();
                ids[i] = await scope.ServiceProvider.GetRequiredService<PostService>().CreateAsync(userId, workspaceId, content, post.Channels,
                    PostSchedule.At(DateTime.SpecifyKind(post.Due.UtcDateTime, DateTimeKind.Unspecified), "UTC"));
            }
        })));
        return ids;
    }

    // Post i goes to channels i*k .. i*k+k-1 of a shuffled list: every channel gets the same share, evenly spaced.
    public static List<BenchPost> Spread(IReadOnlyList<BenchChannel> channels, int count, int perPost, Func<int, DateTimeOffset> due, int seed)
    {
        var shuffled = channels.ToArray();
        new Random(seed).Shuffle(shuffled);
        return Enumerable.Range(0, count)
            .Select(i => new BenchPost(i, due(i), Enumerable.Range(0, perPost).Select(k => shuffled[(i * perPost + k) % shuffled.Length].Id).ToList()))
            .ToList();
    }
}
