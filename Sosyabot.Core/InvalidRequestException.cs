namespace Sosyabot.Core;

// A request the user can fix; the message is written for them and is shown where they are.
public class InvalidRequestException(string message) : Exception(message);
