using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Sosyabot.Tests.Emulator.Bluesky;

// video.bsky.app: getUploadLimits, uploadVideo and getJobStatus (lexicons/app/bsky/video/*.json,
// docs.bsky.app/docs/tutorials/video). Service tokens are checked as xrpc-server's verifyJwt does
// (AuthMissing, JwtExpired, BadJwtAudience, BadJwtLexiconMethod, BadJwtSignature): the quota token
// addressed to the service itself, the upload token to the PDS holding the repo with lxm uploadBlob,
// issued by the did being uploaded for. The body must be video/mp4 and at most MaxUploadBytes. A job
// answers JobPolls polls in progress, then stores the file on the PDS and completes with the blob
// (or fails, when FailNextJobWith was set);
// the same file uploaded again by the same account fails with already_exists and the earlier blob.
public sealed class BlueskyVideoService(string prefix, IReadOnlyList<BlueskyPds> pdses)
{
    public const string Did = "did:web:video.bsky.app";

    private readonly ConcurrentDictionary<string, Job> _jobs = new();
    private readonly ConcurrentDictionary<string, string> _refusals = new();
    private readonly ConcurrentDictionary<(string Did, string Hash), JsonElement> _processed = new();

    public sealed class Job(string id, string did, string name, long size, string hash, int pollsLeft)
    {
        public string Id { get; } = id;
        public string Did { get; } = did;
        public string Name { get; } = name;
        public long Size { get; } = size;
        public string Hash { get; } = hash;
        public int PollsLeft { get; set; } = pollsLeft;
        public int Polls { get; set; }
        public JsonElement? Blob { get; set; }
        public (string Code, string Message)? Failure { get; set; }
        public (string Code, string Message)? FailsWith { get; set; }
        public bool AlreadyExisted { get; init; }
    }

    // The service's own limit: "file size (…) is larger than the maximum allowed size (100000000 bytes)".
    public long MaxUploadBytes { get; set; } = 100_000_000;

    // How many getJobStatus calls answer "still processing" before the job completes.
    public int JobPolls { get; set; } = 1;

    public (string Code, string Message)? FailNextJobWith { get; set; }

    public IReadOnlyCollection<Job> Jobs => _jobs.Values.ToList();

    // getUploadLimits answers canUpload false with this message (an unverified email, a spent quota).
    public void RefuseUploads(BlueskyAccount account, string message) => _refusals[account.Did] = message;

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet($"{prefix}/xrpc/app.bsky.video.getUploadLimits", Handle(c => Task.FromResult(GetUploadLimits(c))));
        routes.MapPost($"{prefix}/xrpc/app.bsky.video.uploadVideo", Handle(UploadVideoAsync));
        routes.MapGet($"{prefix}/xrpc/app.bsky.video.getJobStatus", Handle(c => Task.FromResult(GetJobStatus(c))));
    }

    private static RequestDelegate Handle(Func<HttpContext, Task<IResult>> handler) =>
        async context => await (await handler(context)).ExecuteAsync(context);

    private IResult GetUploadLimits(HttpContext context)
    {
        if (Verify(context, _ => Did, "app.bsky.video.getUploadLimits", out var did) is { } refused) return refused;
        var used = _jobs.Values.Where(j => j.Did == did).ToList();
        var remainingVideos = Math.Max(0, 25 - used.Count);
        var remainingBytes = Math.Max(0, 10_000_000_000 - used.Sum(j => j.Size));
        if (_refusals.TryGetValue(did, out var message) || remainingVideos == 0)
            return Results.Json(new { canUpload = false, remainingDailyVideos = remainingVideos, remainingDailyBytes = remainingBytes,
                message = message ?? "You have exceeded the daily video upload limit.", error = "UploadLimitExceeded" });
        return Results.Json(new { canUpload = true, remainingDailyVideos = remainingVideos, remainingDailyBytes = remainingBytes });
    }

    private async Task<IResult> UploadVideoAsync(HttpContext context)
    {
        var did = context.Request.Query["did"].ToString();
        var name = context.Request.Query["name"].ToString();
        if (did.Length == 0) return Error(400, "InvalidRequest", "Params must have the property \"did\"");
        if (name.Length == 0) return Error(400, "InvalidRequest", "Params must have the property \"name\"");
        var pds = pdses.FirstOrDefault(p => p.HoldsRepoOf(did));
        if (pds is null) return Error(400, "InvalidRequest", $"could not resolve did: {did}");
        if (Verify(context, _ => $"did:web:{pds.RepoHost}", "com.atproto.repo.uploadBlob", out var issuer) is { } refused) return refused;
        if (issuer != did) return Error(401, "BadJwtIssuer", "jwt issuer does not match the did of the upload");
        if (context.Request.ContentType != "video/mp4")
            return Error(400, "InvalidRequest", $"Wrong request encoding (Content-Type): {context.Request.ContentType}");

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer)) > 0)
        {
            size += read;
            sha.AppendData(buffer, 0, read);
        }
        if (size > MaxUploadBytes)
            return Error(400, "InvalidRequest", $"file size ({size} bytes) is larger than the maximum allowed size ({MaxUploadBytes} bytes)");
        var hash = Convert.ToHexString(sha.GetHashAndReset());

        var id = Guid.NewGuid().ToString("N");
        var job = _processed.TryGetValue((did, hash), out var earlier)
            ? new Job(id, did, name, size, hash, 0) { Blob = earlier, Failure = ("already_exists", "already_exists"), AlreadyExisted = true }
            : new Job(id, did, name, size, hash, JobPolls);
        if (!job.AlreadyExisted && FailNextJobWith is { } failure)
        {
            job.FailsWith = failure;
            FailNextJobWith = null;
        }
        _jobs[id] = job;
        return Results.Json(StatusJson(job));
    }

    private IResult GetJobStatus(HttpContext context)
    {
        var id = context.Request.Query["jobId"].ToString();
        if (id.Length == 0) return Error(400, "InvalidRequest", "Params must have the property \"jobId\"");
        if (!_jobs.TryGetValue(id, out var job)) return Error(404, "NotFound", "job not found");
        job.Polls++;
        if (job.PollsLeft > 0) job.PollsLeft--;
        else if (job.Blob is null && job.Failure is null)
        {
            if (job.FailsWith is { } failure) job.Failure = failure;
            else Complete(job);
        }
        return Results.Json(new { jobStatus = StatusJson(job) });
    }

    private void Complete(Job job)
    {
        var stored = pdses.First(p => p.HoldsRepoOf(job.Did)).StoreBlob(job.Did, "video/mp4", job.Size, job.Hash);
        job.Blob = JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["$type"] = "blob", ["ref"] = new Dictionary<string, string> { ["$link"] = stored.Cid }, ["mimeType"] = "video/mp4", ["size"] = stored.Size,
        });
        _processed[(job.Did, job.Hash)] = job.Blob.Value;
    }

    private static Dictionary<string, object?> StatusJson(Job job)
    {
        var status = new Dictionary<string, object?> { ["jobId"] = job.Id, ["did"] = job.Did };
        if (job.Failure is { } failure)
        {
            status["state"] = "JOB_STATE_FAILED";
            status["error"] = failure.Code;
            status["failureCode"] = failure.Code == "already_exists" ? null : failure.Code;
            status["message"] = failure.Message;
        }
        else if (job.Blob is not null) status["state"] = "JOB_STATE_COMPLETED";
        else
        {
            status["state"] = job.Polls == 0 ? "JOB_STATE_CREATED" : "JOB_STATE_ENCODING";
            status["progress"] = job.Polls == 0 ? 0 : 50;
        }
        if (job.Blob is { } blob) status["blob"] = blob;
        return status.Where(e => e.Value is not null).ToDictionary();
    }

    // xrpc-server verifyJwt, the checks and messages in its order; the signing key is the PDS's.
    private IResult? Verify(HttpContext context, Func<string, string> audienceFor, string lxm, out string issuer)
    {
        issuer = "";
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || header.Length <= 7) return Error(401, "AuthMissing", "Authentication Required");
        var token = header[7..];
        var claims = pdses.Select(p => p.VerifyServiceToken(token)).FirstOrDefault(c => c is not null);
        if (claims is not { } payload) return Error(401, "BadJwtSignature", "jwt signature does not match jwt issuer");
        if (payload.GetProperty("exp").GetInt64() <= DateTimeOffset.UtcNow.ToUnixTimeSeconds()) return Error(401, "JwtExpired", "jwt expired");
        issuer = payload.GetProperty("iss").GetString()!;
        if (payload.GetProperty("aud").GetString() != audienceFor(issuer)) return Error(401, "BadJwtAudience", "jwt audience does not match service did");
        var method = payload.TryGetProperty("lxm", out var m) ? m.GetString() : null;
        if (method != lxm)
            return Error(401, "BadJwtLexiconMethod", $"{(method is null ? "missing" : "bad")} jwt lexicon method (\"lxm\"). must match: {lxm}");
        return null;
    }

    private static IResult Error(int status, string error, string message) => Results.Json(new { error, message }, statusCode: status);
}
