using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Sosyabot.Tests.Emulator.Bluesky;

// getServiceAuth and getSession as the PDS answers them (packages/pds/src/api/com/atproto/server/
// getServiceAuth.ts, getSession.ts): a service token needs the account's access JWT, an aud, and an
// exp no more than an hour ahead (a minute without lxm); getSession carries the DID document whose
// #atproto_pds entry names the host of the repo. Services such as the video service check the
// tokens with VerifyServiceToken, as the real one resolves the issuer's DID to its signing key.
public sealed partial class BlueskyPds
{
    private static readonly HashSet<string> ProtectedMethods =
        ["com.atproto.admin.sendEmail", "com.atproto.identity.requestPlcOperationSignature", "com.atproto.identity.signPlcOperation",
         "com.atproto.identity.updateHandle", "com.atproto.server.activateAccount", "com.atproto.server.confirmEmail",
         "com.atproto.server.createAppPassword", "com.atproto.server.deactivateAccount", "com.atproto.server.getAccountInviteCodes",
         "com.atproto.server.getSession", "com.atproto.server.listAppPasswords", "com.atproto.server.requestAccountDelete",
         "com.atproto.server.requestEmailConfirmation", "com.atproto.server.requestEmailUpdate", "com.atproto.server.revokeAppPassword",
         "com.atproto.server.updateEmail"];

    public bool HoldsRepoOf(string did) => _accounts.ContainsKey(did);

    // The claims of a service token this PDS signed for one of its accounts, or null.
    public JsonElement? VerifyServiceToken(string token) =>
        _jwts.Verify(token) is { } claims && claims.TryGetProperty("iss", out var iss) && _accounts.ContainsKey(iss.GetString() ?? "") ? claims : null;

    // What the video service does once a job is processed: the file becomes a blob of the repo.
    public StoredBlob StoreBlob(string did, string mimeType, long size, string contentHash)
    {
        var blob = new StoredBlob(Cid("bafkrei", contentHash), did, mimeType, size);
        _blobs[blob.Cid] = blob;
        return blob;
    }

    private void MapServiceAuth(IEndpointRouteBuilder routes)
    {
        routes.MapGet($"{prefix}/xrpc/com.atproto.server.getServiceAuth", Handle(c => Task.FromResult(GetServiceAuth(c))));
        routes.MapGet($"{prefix}/xrpc/com.atproto.server.getSession", Handle(c => Task.FromResult(GetSession(c))));
    }

    private IResult GetServiceAuth(HttpContext context)
    {
        if (AccessDid(context, out var did) is { } refused) return refused;
        var q = context.Request.Query;
        var aud = q["aud"].ToString();
        if (aud.Length == 0) return Error(400, "InvalidRequest", "Params must have the property \"aud\"");
        var lxm = q["lxm"].ToString() is { Length: > 0 } method ? method : null;
        var now = DateTimeOffset.UtcNow;
        var exp = now.AddMinutes(1);
        if (q["exp"].ToString() is { Length: > 0 } expText)
        {
            if (!long.TryParse(expText, out var seconds)) return Error(400, "InvalidRequest", "exp must be an integer");
            exp = DateTimeOffset.FromUnixTimeSeconds(seconds);
            var diff = exp - now;
            if (diff < TimeSpan.Zero) return Error(400, "BadExpiration", "expiration is in past");
            if (diff > TimeSpan.FromHours(1)) return Error(400, "BadExpiration", "cannot request a token with an expiration more than an hour in the future");
            if (lxm is null && diff > TimeSpan.FromMinutes(1))
                return Error(400, "BadExpiration", "cannot request a method-less token with an expiration more than a minute in the future");
        }
        if (lxm is not null && ProtectedMethods.Contains(lxm))
            return Error(400, "InvalidRequest", $"cannot request a service auth token for the following protected method: {lxm}");
        return Results.Json(new { token = _jwts.IssueService(did, aud, lxm, now, exp) });
    }

    private IResult GetSession(HttpContext context)
    {
        if (AccessDid(context, out var did) is { } refused) return refused;
        var account = _accounts[did];
        return Results.Json(new
        {
            handle = account.Handle,
            did = account.Did,
            email = account.Email,
            emailConfirmed = true,
            didDoc = new Dictionary<string, object>
            {
                ["@context"] = new[] { "https://www.w3.org/ns/did/v1" },
                ["id"] = account.Did,
                ["alsoKnownAs"] = new[] { $"at://{account.Handle}" },
                ["service"] = new[] { new { id = "#atproto_pds", type = "AtprotoPersonalDataServer", serviceEndpoint = $"https://{RepoHost}" } },
            },
            active = true,
        });
    }
}
