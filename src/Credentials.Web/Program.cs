using Credentials.Web.Infrastructure;

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

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
