namespace Sosyabot.Web.Infrastructure;

public static class PipelineExtensions
{
    public static WebApplication UseSosyabotPipeline(this WebApplication app)
    {
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                CreateScopeForErrors = true,
                // ErrorIdLogger logs the exception once, with the id the error page shows.
                SuppressDiagnosticsCallback = _ => true,
            });
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        return app;
    }
}
