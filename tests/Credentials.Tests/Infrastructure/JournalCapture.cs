using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Credentials.Tests.Infrastructure;

/// <summary>Keeps every log line the app writes (add it as an ILoggerProvider in the test host's services).</summary>
public sealed class JournalCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LigneJournal> lignes = new();

    public IReadOnlyList<LigneJournal> Lignes => [.. lignes];

    public ILogger CreateLogger(string categoryName) => new Capteur(categoryName, lignes);

    public void Dispose()
    {
    }

    private sealed class Capteur(string categorie, ConcurrentQueue<LigneJournal> lignes) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var proprietes = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            lignes.Enqueue(new LigneJournal(categorie, logLevel, formatter(state, exception), proprietes.ToDictionary(p => p.Key, p => p.Value)));
        }
    }
}

/// <summary>A captured log line: its formatted message and its structured properties.</summary>
public sealed record LigneJournal(string Categorie, LogLevel Niveau, string Message, IReadOnlyDictionary<string, object?> Proprietes);
