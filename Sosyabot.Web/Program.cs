using Sosyabot.Core;
using Sosyabot.Web.Components;
using Sosyabot.Web.Endpoints;
using Sosyabot.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSosyabotCore(builder.Configuration);
builder.Services.AddSosyabotIdentity();
builder.Services.AddSosyabotUi();
builder.Services.AddSosyabotHealthChecks();

var app = builder.Build();

await app.MigrateDatabaseAsync();
app.UseSosyabotPipeline();
app.MapHealthEndpoints();
app.MapAccountEndpoints();
app.MapOAuthEndpoints();
app.MapMedia();
// The whole policy, frame-ancestors 'none' included, comes from UseSecurityHeaders; Blazor's own second
// header ("frame-ancestors 'self'") is switched off.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);

app.Run();

public partial class Program;
