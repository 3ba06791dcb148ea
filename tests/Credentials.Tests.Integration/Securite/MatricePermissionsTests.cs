using System.Net;
using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Conservation;
using Credentials.Core.Courriels;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Imports;
using Credentials.Core.Journal;
using Credentials.Core.Parametres;
using Credentials.Core.Publipostage;
using Credentials.Core.Relances;
using Credentials.Core.Utilisateurs;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Tests.Securite;

/// <summary>
/// The permission matrix (<see cref="Autorisations"/>) walked cell by cell: every operation, for every role, through
/// the services (what the CLI or a future API would call) and through HTTP (what a browser can post). A forbidden
/// cell must be refused and change nothing; an allowed cell must not be refused for lack of rights. Adding an
/// operation to the enum without a way to try it here fails <see cref="Chaque_operation_a_son_essai"/>.
/// </summary>
public sealed class MatricePermissionsTests : IAsyncLifetime
{
    private const string Directrice = "directrice@matrice.test";
    private const string Secretaire = "secretaire@matrice.test";
    private const string Professeur = "prof@matrice.test";
    private static readonly RoleConsole[] Roles = [RoleConsole.Directeur, RoleConsole.Secretaire, RoleConsole.Enseignant, RoleConsole.Operateur];

    private ApplicationDeTest app = null!;
    private int etablissementId;
    private string uai = "";
    private int classeId;
    private long eleveActive;

    /// <summary>One try of an operation through the services: true when it was refused for lack of rights.</summary>
    private delegate Task<bool> EssaiService(IServiceProvider services, Portee portee);

    /// <summary>One try through HTTP with a signed-in client: true when it was refused for lack of rights.</summary>
    private delegate Task<bool> EssaiHttp(HttpClient client);

    public async Task InitializeAsync()
    {
        app = await ApplicationDeTest.CreerAsync();
        var bilan = await app.CreerEtablissementAsync("0777777M", eleves: 30);
        etablissementId = bilan.Etablissement.Id;
        uai = bilan.Etablissement.Uai;
        await using var scope = app.Portee();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        var classe = await db.Classes.Where(c => c.EtablissementId == etablissementId).OrderBy(c => c.Code).FirstAsync();
        classeId = classe.Id;
        // An activated pupil of the teacher's class: the target of « réinitialiser un compte activé ».
        eleveActive = await db.Comptes.Where(c => c.ClasseId == classeId && c.Etat == EtatCompte.Active && !c.Bloque).Select(c => c.Id).FirstAsync();
        await app.CreerAsync(Directrice, RoleConsole.Directeur, etablissementId);
        await app.CreerAsync(Secretaire, RoleConsole.Secretaire, etablissementId);
        await app.CreerAsync(Professeur, RoleConsole.Enseignant, etablissementId, classe.Code);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public void Chaque_operation_a_son_essai()
    {
        var operations = Enum.GetValues<Operation>().Order().ToList();
        Assert.Equal(operations, ParService().Keys.Order().ToList());
        Assert.Equal(operations, ParHttp().Keys.Order().ToList());
        // The matrix itself has a cell for every role and operation (an unknown cell would throw).
        Assert.All(operations, o => Assert.All(Roles, r => Autorisations.EtendueDe(r, o)));
        Assert.DoesNotContain(RoleConsole.Operateur, Autorisations.RolesConsole);
    }

    /// <summary>The table of product.md, « Who may do what », written out independently of the matrix.</summary>
    [Fact]
    public void La_matrice_est_celle_du_produit()
    {
        Operation[] directionSeule = [Operation.Parametrer, Operation.GererUtilisateurs, Operation.ConsulterJournal, Operation.DonneesPersonnelles];
        Operation[] enseignantSesClasses = [Operation.ConsulterComptes, Operation.Notifier, Operation.ListerPdf];
        foreach (var operation in Enum.GetValues<Operation>())
        {
            Assert.Equal(Etendue.Etablissement, Autorisations.EtendueDe(RoleConsole.Directeur, operation));
            Assert.Equal(Etendue.Etablissement, Autorisations.EtendueDe(RoleConsole.Operateur, operation));
            Assert.Equal(directionSeule.Contains(operation) ? Etendue.Aucune : Etendue.Etablissement, Autorisations.EtendueDe(RoleConsole.Secretaire, operation));
            Assert.Equal(enseignantSesClasses.Contains(operation) ? Etendue.SesClasses : Etendue.Aucune, Autorisations.EtendueDe(RoleConsole.Enseignant, operation));
        }
    }

    [Fact]
    public async Task Chaque_case_est_appliquee_par_les_services()
    {
        var ecarts = new List<string>();
        foreach (var (operation, essai) in ParService())
        {
            foreach (var role in Roles)
            {
                await EssayerAsync(operation, role, async () =>
                {
                    await using var scope = app.Portee();
                    return await essai(scope.ServiceProvider, PorteeDe(role));
                }, ecarts);
            }
        }

        Assert.Empty(ecarts);
    }

    [Fact]
    public async Task Chaque_case_interdite_est_refusee_en_http()
    {
        // The teacher first: an allowed reset changes the activated pupil, whom the teacher's try must find activated.
        var clients = new List<(RoleConsole Role, HttpClient Client)>
        {
            (RoleConsole.Enseignant, await app.ConnecterAsync(Professeur)),
            (RoleConsole.Secretaire, await app.ConnecterAsync(Secretaire)),
            (RoleConsole.Directeur, await app.ConnecterAsync(Directrice)),
        };
        var ecarts = new List<string>();
        foreach (var (operation, essai) in ParHttp())
        {
            foreach (var (role, client) in clients)
            {
                await EssayerAsync(operation, role, () => essai(client), ecarts);
            }
        }

        Assert.Empty(ecarts);
    }

    /// <summary>One cell: the try must be refused exactly when the matrix forbids it, and a refusal must change nothing.</summary>
    private async Task EssayerAsync(Operation operation, RoleConsole role, Func<Task<bool>> essai, List<string> ecarts)
    {
        var permis = Autorisations.EtendueDe(role, operation) != Etendue.Aucune;
        var avant = await EmpreinteAsync();
        var refuse = await essai();
        if (refuse == permis)
        {
            ecarts.Add($"{operation} × {role}: {(permis ? "refusé alors que permis" : "accepté alors qu'interdit")}");
        }

        if (!permis && await EmpreinteAsync() != avant)
        {
            ecarts.Add($"{operation} × {role}: refusé mais des comptes ont changé");
        }
    }

    private Portee PorteeDe(RoleConsole role) => role switch
    {
        RoleConsole.Enseignant => new Portee(etablissementId, role, new HashSet<int> { classeId }, Professeur),
        RoleConsole.Operateur => Portee.Cli(etablissementId),
        _ => new Portee(etablissementId, role, null, role == RoleConsole.Directeur ? Directrice : Secretaire),
    };

    /// <summary>
    /// Every account's state, password, code and block, and the accounts the journal names: a refused try changes
    /// none of them (it may journal the attempt itself, over no account).
    /// </summary>
    private async Task<string> EmpreinteAsync()
    {
        await using var scope = app.Portee();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        var comptes = await db.Comptes.AsNoTracking().Where(c => c.EtablissementId == etablissementId)
            .OrderBy(c => c.Id).Select(c => c.Id + ":" + c.Etat + ":" + c.Bloque + ":" + c.MotDePasseProvisoireChiffre + ":" + c.CodeRenouvellementHash).ToListAsync();
        var journal = await db.EvenementComptes.CountAsync(e => e.Evenement.EtablissementId == etablissementId);
        return string.Join("|", comptes) + "#" + journal;
    }

    /// <summary>A refusal for lack of rights, as opposed to any other answer (an unknown id, an empty selection…).</summary>
    private static async Task<bool> Refuse(Func<Task> action)
    {
        try
        {
            await action();
            return false;
        }
        catch (ErreurMetier e) when (e.Code == CodeErreur.AccesRefuse)
        {
            return true;
        }
        catch (ErreurMetier)
        {
            return false;
        }
    }

    private Dictionary<Operation, EssaiService> ParService()
    {
        // An empty selection reaches the permission check and then changes nothing for anybody.
        var aucun = new CriteresComptes { Ids = [-1] };
        return new()
        {
            [Operation.ConsulterComptes] = (s, p) => Refuse(() => s.GetRequiredService<RechercheComptes>().RechercherAsync(p, new CriteresComptes(), 1, 10)),
            [Operation.Notifier] = (s, p) => Refuse(() => s.GetRequiredService<ServiceComptes>().NotifierAsync(p, new DemandeNotification(aucun, false, Canal.Courrier))),
            [Operation.ListerPdf] = (s, p) => Refuse(() => s.GetRequiredService<ServiceComptes>().PreparerListeAsync(p, new DemandeListe(aucun, Canal.Pdf))),
            [Operation.ExporterCsv] = (s, p) => Refuse(() => s.GetRequiredService<ServiceComptes>().PreparerListeAsync(p, new DemandeListe(aucun, Canal.Csv))),
            [Operation.ReinitialiserCompteActive] = async (s, p) =>
            {
                // Refused per account: the activated account is left out, with its reason, and nothing is written.
                var lot = await s.GetRequiredService<ServiceComptes>().PreparerReinitialisationAsync(p, new CriteresComptes { Ids = [eleveActive] }, Canal.Courrier);
                return lot.Fiches.Count == 0 && lot.Ignores.Single().CompteId == eleveActive;
            },
            [Operation.GenererCodes] = (s, p) => Refuse(() => s.GetRequiredService<ServiceComptes>().GenererCodesAsync(p, aucun)),
            [Operation.Bloquer] = (s, p) => Refuse(() => s.GetRequiredService<ServiceComptes>().BloquerAsync(p, new DemandeBlocage(aucun, true))),
            [Operation.Publipostage] = (s, p) => Refuse(() => s.GetRequiredService<ServicePublipostage>().ApercuAsync(p, new CriteresPublipostage())),
            [Operation.EnvoyerAuxFamilles] = (s, p) => Refuse(() => s.GetRequiredService<ServiceCourriels>().EnvoyerAuxFamillesAsync(p, aucun, false)),
            [Operation.RelancerEchecs] = (s, p) => Refuse(() => s.GetRequiredService<SuiviEnvois>().RelancerEchecsAsync(p, -1)),
            [Operation.Relancer] = (s, p) => Refuse(() => s.GetRequiredService<ServiceRelances>().RelancerAsync(p, simulation: true)),
            [Operation.Importer] = (s, p) => Refuse(() => s.GetRequiredService<ServiceImport>().ApercevoirAsync(
                new ListeImport { Source = SourceImport.Siecle, Fichiers = ["vide.xml"] }, new DemandeImport(uai, p.Auteur) { Role = p.Role })),
            [Operation.GererComptesManuels] = (s, p) => Refuse(() => s.GetRequiredService<ServiceCompteManuel>().CompteAsync(p, -1)),
            [Operation.Parametrer] = (s, p) => Refuse(() => s.GetRequiredService<ServiceParametres>().LireAsync(p)),
            [Operation.GererUtilisateurs] = (s, p) => Refuse(() => s.GetRequiredService<ServiceUtilisateurs>().ListerAsync(p)),
            [Operation.ConsulterJournal] = (s, p) => Refuse(() => s.GetRequiredService<LectureJournal>().LireAsync(p, new FiltresJournal(null, null, null, null))),
            [Operation.DonneesPersonnelles] = (s, p) => Refuse(() => s.GetRequiredService<ServiceDonneesPersonnelles>().ExporterAsync(p, -1)),
        };
    }

    private Dictionary<Operation, EssaiHttp> ParHttp()
    {
        static bool Interdit(HttpResponseMessage r) => r.StatusCode == HttpStatusCode.Forbidden;
        static async Task<bool> Get(HttpClient c, string url) => Interdit(await c.GetAsync(url));
        static async Task<bool> Post(HttpClient c, string action, params (string Cle, string Valeur)[] champs) =>
            Interdit(await ApplicationDeTest.PosterAsync(c, "/eleves", action, champs.Select(x => new KeyValuePair<string, string>(x.Cle, x.Valeur))));
        var id = eleveActive.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new()
        {
            [Operation.ConsulterComptes] = c => Get(c, "/eleves"),
            [Operation.Notifier] = c => Post(c, "/eleves/notifier", ("ids", "-1")),
            [Operation.ListerPdf] = c => Post(c, "/eleves/lister", ("ids", "-1"), ("format", "pdf")),
            [Operation.ExporterCsv] = c => Post(c, "/eleves/lister", ("ids", "-1"), ("format", "csv")),
            [Operation.ReinitialiserCompteActive] = async c =>
            {
                // Refused for this account: it stays activated, with no new provisional password.
                var reponse = await ApplicationDeTest.PosterAsync(c, "/eleves", "/eleves/reinitialiser", [new("ids", id)]);
                await using var scope = app.Portee();
                var compte = await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().Comptes.AsNoTracking().SingleAsync(x => x.Id == eleveActive);
                return Interdit(reponse) || (compte.Etat == EtatCompte.Active && compte.MotDePasseProvisoireChiffre is null);
            },
            [Operation.GenererCodes] = c => Post(c, "/eleves/codes", ("ids", "-1")),
            [Operation.Bloquer] = c => Post(c, "/eleves/bloquer", ("ids", "-1"), ("bloquer", "true")),
            [Operation.Publipostage] = c => Get(c, "/publipostage"),
            [Operation.EnvoyerAuxFamilles] = c => Post(c, "/eleves/familles", ("ids", "-1")),
            [Operation.RelancerEchecs] = c => Post(c, "/envois/999999/relancer"),
            [Operation.Relancer] = c => Get(c, "/relances"),
            [Operation.Importer] = c => Get(c, "/imports"),
            [Operation.GererComptesManuels] = c => Get(c, "/comptes/nouveau"),
            [Operation.Parametrer] = c => Get(c, "/parametres"),
            [Operation.GererUtilisateurs] = c => Get(c, "/parametres/utilisateurs"),
            [Operation.ConsulterJournal] = c => Get(c, "/journal"),
            [Operation.DonneesPersonnelles] = c => Get(c, $"/comptes/{id}/donnees"),
        };
    }
}
