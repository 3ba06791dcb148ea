using Credentials.Core.Data;
using Credentials.Core.Imports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Tests.Imports;

public class ImportsRegistrationTests
{
    [Fact]
    public void Les_services_d_import_se_resolvent_avec_la_limite_de_taille_configuree()
    {
        var dossier = Directory.CreateTempSubdirectory("credentials-di-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataDirectory"] = dossier,
            ["Imports:TailleMaxOctets"] = "1048576",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddCredentialsCore(configuration).AddImports(configuration);
        try
        {
            using var fournisseur = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
            using var portee = fournisseur.CreateScope();

            Assert.Equal(1_048_576, portee.ServiceProvider.GetRequiredService<OptionsImport>().TailleMaxOctets);
            Assert.NotNull(portee.ServiceProvider.GetRequiredService<ServiceImport>());
            Assert.NotNull(portee.ServiceProvider.GetRequiredService<ServiceCompteManuel>());
            Assert.NotNull(portee.ServiceProvider.GetRequiredService<LectureRapportImport>());
            Assert.NotNull(portee.ServiceProvider.GetRequiredService<LecteurSiecle>());
            Assert.NotNull(portee.ServiceProvider.GetRequiredService<LecteurOnde>());
            Assert.NotNull(portee.ServiceProvider.GetRequiredService<LecteurTableur>());
        }
        finally
        {
            Directory.Delete(dossier, recursive: true);
        }
    }
}
