using MudBlazor;

namespace Sosyabot.Web.Components.Layout;

public static class SosyabotTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight { Primary = "#4f46e5", Secondary = "#0ea5e9", AppbarBackground = "#312e81" },
        Typography = new Typography { Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"] } },
    };
}
