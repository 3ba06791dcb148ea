using Credentials.Core.Conservation;
using Credentials.Core.Domain;
using Credentials.Core.Imports;
using Credentials.Web.Features.Imports;
using Credentials.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Credentials.Tests.Imports;

/// <summary>Les fichiers déposés entre l'aperçu et la confirmation : à leur auteur seulement, et pas plus d'une heure.</summary>
public sealed class DepotsImportTests : IDisposable
{
    private readonly string dossier = Directory.CreateTempSubdirectory("credentials-depots-").FullName;
    private readonly HorlogeFixe horloge = new(DateTimeOffset.UtcNow);
    private readonly DepotsImport depots;

    public DepotsImportTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DataDirectory"] = dossier }).Build();
        var options = new OptionsImport { TailleMaxOctets = 10_000 };
        depots = new DepotsImport(new PurgeDepotsImport(configuration, horloge, NullLogger<PurgeDepotsImport>.Instance), options, new LecteurSiecle(options, horloge), new LecteurOnde(options), new LecteurTableur(options), horloge, NullLogger<DepotsImport>.Instance);
    }

    public void Dispose() => Directory.Delete(dossier, recursive: true);

    [Fact]
    public async Task Un_depot_n_est_rendu_qu_a_son_auteur_dans_son_etablissement_et_expire_au_bout_d_une_heure()
    {
        var auteur = Contexte("u-1", 1);
        var depot = await depots.CreerAsync(auteur, SourceImport.Tableur, [(RolesImport.Liste, Fichier("liste.csv", "Profil;Nom;Prénom\nInvité;ROUX;Anne\n"))], default);

        Assert.NotNull(await depots.OuvrirAsync(depot.Id, auteur, default));
        Assert.Null(await depots.OuvrirAsync(depot.Id, Contexte("u-2", 1), default));
        Assert.Null(await depots.OuvrirAsync(depot.Id, Contexte("u-1", 2), default));
        Assert.Null(await depots.OuvrirAsync("../" + depot.Id, auteur, default));
        Assert.Equal(["Anne"], depots.Lire(depot).Personnes.Select(p => p.Prenom));

        horloge.Maintenant = horloge.Maintenant.AddMinutes(61);
        Assert.Null(await depots.OuvrirAsync(depot.Id, auteur, default));
        Assert.Equal(1, depots.Nettoyer());
        Assert.Empty(Directory.GetDirectories(Path.Combine(dossier, "imports")));
    }

    [Fact]
    public async Task Un_fichier_trop_gros_n_est_garde_que_jusqu_a_la_limite_et_le_lecteur_dit_sa_vraie_taille()
    {
        var auteur = Contexte("u-1", 1);
        var depot = await depots.CreerAsync(auteur, SourceImport.Tableur, [(RolesImport.Liste, Fichier("enorme.csv", new string('x', 50_000)))], default);

        Assert.Equal(10_001, new FileInfo(Path.Combine(dossier, "imports", depot.Id, "liste.bin")).Length);
        Assert.Equal("enorme.csv : le fichier pèse 48,8 Ko, au-delà de la limite de 9,8 Ko : rien n'a été lu", Assert.Single(depots.Lire(depot).Erreurs).Texte);
    }

    private static ContexteConsole Contexte(string utilisateur, int etablissement)
    {
        var e = new Etablissement("0999999Z", "Collège A");
        typeof(Etablissement).GetProperty(nameof(Etablissement.Id))!.SetValue(e, etablissement);
        return new ContexteConsole(utilisateur, utilisateur + "@test", utilisateur, e, RoleConsole.Secretaire, [], []);
    }

    private static FormFile Fichier(string nom, string texte)
    {
        var octets = System.Text.Encoding.UTF8.GetBytes(texte);
        return new FormFile(new MemoryStream(octets), 0, octets.Length, "liste", nom);
    }
}
