namespace Sosyabot.Core.Providers;

// One implemented platform. Capability interfaces (IOAuthProvider, ICredentialsProvider,
// ITokenRefresher) say which connection style and lifecycle it supports.
public interface ISocialProvider
{
    PlatformInfo Info { get; }

    // Settings an operator must add before users can connect this platform; empty when ready.
    IReadOnlyList<string> MissingSettings { get; }
}
