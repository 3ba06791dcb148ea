using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Serilog.Events;

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
            // The web host logs through Serilog, which hands its providers the Serilog event itself.
            var proprietes = state is LogEvent evenement
                ? evenement.Properties.ToDictionary(p => p.Key, p => p.Value is ScalarValue s ? s.Value : (object?)p.Value.ToString())
                : (state as IReadOnlyList<KeyValuePair<string, object?>> ?? []).ToDictionary(p => p.Key, p => p.Value);
            lignes.Enqueue(new LigneJournal(categorie, logLevel, formatter(state, exception), proprietes));
        }
    }
}

/// <summary>A captured log line: its formatted message and its structured properties.</summary>
public sealed record LigneJournal(string Categorie, LogLevel Niveau, string Message, IReadOnlyDictionary<string, object?> Proprietes);
