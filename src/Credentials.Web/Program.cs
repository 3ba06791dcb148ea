using Credentials.Web.Infrastructure;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddJournalisation();
    builder.Services.AddCredentials(builder.Configuration, builder.Environment);

    var app = builder.Build();
    if (!await app.PreparerBaseAsync())
    {
        // Disposing the services writes out the logged cause (RunAsync would dispose them at the end otherwise).
        await app.DisposeAsync();
        return 1;
    }

    app.UseCredentials();
    await app.RunAsync();
    return 0;
}
catch (Exception erreur) when (erreur is IOException or UnauthorizedAccessException)
{
    // A folder the operator must fix (data, keys, logs; an address already taken): one line and exit code 1 (systemd,
    // Docker try again), not « Unhandled exception » and an aborted process. A refused setting is logged by the host
    // in French and left to propagate (the tests' host factory reads it); any other exception keeps its stack trace.
    Console.Error.WriteLine($"Credentials ne démarre pas : {erreur.Message}");
    return 1;
}

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
