using Microsoft.Extensions.Logging;

namespace Sosyabot.Tests.TestSupport;

// Keeps every formatted line written to it, to check what an operator would read.
public sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly List<(LogLevel Level, string Message)> _lines = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Lines
    {
        get { lock (_lines) return [.. _lines]; }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_lines) _lines.Add((logLevel, formatter(state, exception)));
    }
}
