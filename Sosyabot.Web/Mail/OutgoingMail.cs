namespace Sosyabot.Web.Mail;

public sealed record OutgoingMail(string To, string Subject, string Body);
