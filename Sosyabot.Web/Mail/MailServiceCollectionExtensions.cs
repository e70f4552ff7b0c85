namespace Sosyabot.Web.Mail;

public static class MailServiceCollectionExtensions
{
    public static IServiceCollection AddSosyabotMail(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        services.AddSingleton<MailOutbox>();
        services.AddHostedService<SmtpMailSender>();
        return services;
    }
}
