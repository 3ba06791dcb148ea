using Credentials.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddJournalisation();
builder.Services.AddCredentials(builder.Configuration, builder.Environment);

var app = builder.Build();
await app.PreparerBaseAsync();
app.UseCredentials();
await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
