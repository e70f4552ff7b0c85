namespace Sosyabot.Web.Infrastructure;

public static class PipelineExtensions
{
    public static WebApplication UseSosyabotPipeline(this WebApplication app)
    {
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        return app;
    }
}
