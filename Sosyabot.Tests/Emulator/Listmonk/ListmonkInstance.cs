using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Sosyabot.Tests.Emulator.Listmonk;

// One Listmonk: API users authenticated as knadh/listmonk internal/auth/auth.go does ("token user:token"
// or Basic), permission checks per role, and the lists API of docs/apis/lists.md with its
// {"data": …} / {"message": "…"} bodies.
public sealed partial class ListmonkInstance(string url, string routePrefix)
{
    public const string GetLists = "lists:get_all";

    private readonly ConcurrentDictionary<string, EmulatedListmonkUser> _users = new();
    private readonly ConcurrentDictionary<int, EmulatedListmonkList> _lists = new();
    private int _nextListId;

    // The address a user types, e.g. https://listmonk.example.
    public string Url => url;

    public EmulatedListmonkUser CreateApiUser(string? name = null, params string[] permissions)
    {
        var user = new EmulatedListmonkUser(name ?? $"sosyabot-{RandomText(6).ToLowerInvariant()}", RandomText(32), permissions.Length == 0, [.. permissions]);
        _users[user.Name] = user;
        return user;
    }

    // Deleting the API user in Admin → Users.
    public void DeleteApiUser(EmulatedListmonkUser user) => _users.TryRemove(user.Name, out _);

    public EmulatedListmonkList CreateList(string name, int subscribers = 0)
    {
        var list = new EmulatedListmonkList(Interlocked.Increment(ref _nextListId), Guid.NewGuid(), name, subscribers);
        _lists[list.Id] = list;
        return list;
    }

    public void DeleteList(EmulatedListmonkList list) => _lists.TryRemove(list.Id, out _);

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet($"{routePrefix}/api/lists", Handle(QueryLists));
        routes.MapGet($"{routePrefix}/api/lists/{{id}}", Handle(GetList));
        routes.MapGet($"{routePrefix}/api/settings", Handle(GetSettings));
        routes.MapGet($"{routePrefix}/api/health", Handle(_ => Results.Json(new { data = true })));
        MapCampaigns(routes);
    }

    private IResult QueryLists(HttpContext context)
    {
        if (Authorize(context, GetLists, "lists:manage_all") is { } denied) return denied;
        var all = _lists.Values.OrderBy(l => l.Id).ToList();
        var perPageText = context.Request.Query["per_page"].ToString();
        var page = int.TryParse(context.Request.Query["page"], out var p) && p > 0 ? p : 1;
        var perPage = perPageText == "all" ? all.Count : int.TryParse(perPageText, out var pp) && pp > 0 ? pp : 20;
        var results = perPageText == "all" ? all : all.Skip((page - 1) * perPage).Take(perPage).ToList();
        return Results.Json(new { data = new { results = results.Select(Shape), query = "", total = all.Count, per_page = perPage, page } });
    }

    private IResult GetList(HttpContext context)
    {
        if (Authorize(context, GetLists, "lists:manage_all") is { } denied) return denied;
        if (!int.TryParse((string?)context.Request.RouteValues["id"], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1)
            return Message(400, "Invalid ID.");
        // Listmonk's core.GetList answers a missing list with 400, not 404.
        return _lists.TryGetValue(id, out var list) ? Results.Json(new { data = Shape(list) }) : Message(400, "List not found.");
    }

    private IResult GetSettings(HttpContext context) =>
        Authorize(context, "settings:get") ?? Results.Json(new { data = new Dictionary<string, object> { ["app.site_name"] = "Newsletter", ["app.root_url"] = url } });

    // internal/auth/auth.go Middleware + Perm: a bad header or bad credentials is 403 with the reason,
    // no header (and no session cookie) is 403 "invalid session", a missing permission is 403 too.
    private IResult? Authorize(HttpContext context, params string[] anyOf)
    {
        var header = context.Request.Headers.Authorization.ToString().Trim();
        if (header.Length == 0) return Message(403, "invalid session");
        string[] pair;
        if (header.StartsWith("token", StringComparison.Ordinal))
            pair = header["token".Length..].Trim(' ').Split(':', 2);
        else if (header.StartsWith("Basic", StringComparison.Ordinal))
        {
            try
            {
                pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic".Length..].Trim(' '))).Split(':', 2);
            }
            catch (FormatException)
            {
                return Message(403, "invalid Base64 value in Basic Authorization header");
            }
        }
        else return Message(403, "unknown Authorization scheme");
        if (pair.Length < 2) return Message(403, "api_key:token missing");
        if (pair[0].Length == 0 || pair[1].Length == 0) return Message(403, "empty `api_key` or `token`");
        if (!_users.TryGetValue(pair[0], out var user)
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(user.Token), Encoding.UTF8.GetBytes(pair[1])))
            return Message(403, "invalid API credentials");
        if (user.SuperAdmin || anyOf.Any(user.Permissions.Contains)) return null;
        return Message(403, $"permission denied: {anyOf[^1]}");
    }

    private static object Shape(EmulatedListmonkList list) => new
    {
        id = list.Id,
        created_at = "2024-03-07T06:31:06.072483+01:00",
        updated_at = "2024-03-07T06:31:06.072483+01:00",
        uuid = list.Uuid,
        name = list.Name,
        type = "public",
        optin = "single",
        status = "active",
        tags = Array.Empty<string>(),
        description = "",
        subscriber_count = list.Subscribers,
        subscriber_statuses = new Dictionary<string, int> { ["confirmed"] = list.Subscribers },
    };

    private static IResult Message(int status, string message) => Results.Json(new { message }, statusCode: status);

    // Explicit, so a handler's IResult is never dropped by binding to the RequestDelegate overload.
    private static RequestDelegate Handle(Func<HttpContext, IResult> handler) => context => handler(context).ExecuteAsync(context);

    private static string RandomText(int length) =>
        new(Enumerable.Range(0, length).Select(_ => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"[RandomNumberGenerator.GetInt32(62)]).ToArray());
}

public sealed record EmulatedListmonkUser(string Name, string Token, bool SuperAdmin, HashSet<string> Permissions);

public sealed record EmulatedListmonkList(int Id, Guid Uuid, string Name, int Subscribers);
