using System.Text;
using System.Text.RegularExpressions;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Imports;
using Credentials.Core.Secrets;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Credentials.Tests.Imports;

/// <summary>Une horloge qu'on règle : les dates de sortie et l'année scolaire dépendent du jour.</summary>
public sealed class HorlogeFixe(DateTimeOffset maintenant) : TimeProvider
{
    public DateTimeOffset Maintenant { get; set; } = maintenant;

    public override DateTimeOffset GetUtcNow() => Maintenant;
}

/// <summary>Un coffre réversible sans clés, suffisant pour des tests unitaires.</summary>
public sealed class CoffreDeTest : ICoffreSecrets
{
    public string Chiffrer(string clair) => "chiffre:" + Convert.ToBase64String(Encoding.UTF8.GetBytes(clair));

    public string Dechiffrer(string chiffre) => Encoding.UTF8.GetString(Convert.FromBase64String(chiffre["chiffre:".Length..]));
}

/// <summary>Les fichiers d'exemple du dépôt (Imports/Echantillons) et de quoi en fabriquer des variantes.</summary>
public static class Echantillons
{
    public const string Uai = "0999999Z";

    public static readonly Encoding Iso885915;
    public static readonly Encoding Windows1252;

    static Echantillons()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Iso885915 = Encoding.GetEncoding("ISO-8859-15");
        Windows1252 = Encoding.GetEncoding(1252);
    }

    public static string Dossier => Path.Combine(Racine.Depot, "tests", "Credentials.Tests.Commun", "Imports", "Echantillons");

    public static byte[] Octets(string nom) => File.ReadAllBytes(Path.Combine(Dossier, nom));

    /// <summary>The path of a sample file kept in the repository (tests never read outside it).</summary>
    public static string Chemin(string nom) => Path.Combine(Dossier, nom);

    public static FichierImport Fichier(string nom) => FichierImport.DepuisOctets(nom, Octets(nom));

    public static FichierImport SiecleEleves => Fichier("ElevesSansAdresses.xml");

    public static FichierImport SiecleResponsables => Fichier("ResponsablesAvecAdresses.xml");

    public static FichierImport OndeEleves => Fichier("onde_eleves.csv");

    public static FichierImport OndeResponsables => Fichier("onde_responsables.csv");

    /// <summary>Le texte XML d'un échantillon (ISO-8859-15), à modifier puis à réencoder avec <see cref="Xml"/>.</summary>
    public static string TexteXml(string nom) => Iso885915.GetString(Octets(nom));

    public static FichierImport Xml(string nom, string texte) => FichierImport.DepuisOctets(nom, Iso885915.GetBytes(texte));

    public static string TexteCsv(string nom) => Windows1252.GetString(Octets(nom));

    public static FichierImport Csv(string nom, string texte, Encoding? encodage = null) => FichierImport.DepuisOctets(nom, (encodage ?? Windows1252).GetBytes(texte));

    /// <summary>Retire un élève de l'export des élèves (ELEVE et STRUCTURES_ELEVE).</summary>
    public static string SansEleve(string eleves, string eleveId) =>
        Remplacer(Remplacer(eleves, $"<ELEVE ELEVE_ID=\"{eleveId}\".*?</ELEVE>\\s*", ""), $"<STRUCTURES_ELEVE ELEVE_ID=\"{eleveId}\">.*?</STRUCTURES_ELEVE>\\s*", "");

    /// <summary>Retire les liens d'un élève de l'export des responsables.</summary>
    public static string SansLiensDe(string responsables, string eleveId) =>
        Remplacer(responsables, $"<RESPONSABLE_ELEVE>\\s*<ELEVE_ID>{eleveId}</ELEVE_ID>.*?</RESPONSABLE_ELEVE>\\s*", "");

    /// <summary>Change la division (structure de type D) d'un élève.</summary>
    public static string ChangerDivision(string eleves, string eleveId, string division) =>
        Remplacer(eleves, $"(<STRUCTURES_ELEVE ELEVE_ID=\"{eleveId}\">\\s*<STRUCTURE>\\s*<CODE_STRUCTURE>)[^<]*(</CODE_STRUCTURE>)", $"${{1}}{division}${{2}}");

    public static string ChangerAnnee(string xml, int annee) =>
        Remplacer(xml, "<ANNEE_SCOLAIRE>\\d+</ANNEE_SCOLAIRE>", $"<ANNEE_SCOLAIRE>{annee}</ANNEE_SCOLAIRE>");

    /// <summary>Ajoute un élève et sa division à l'export des élèves.</summary>
    public static string AvecEleve(string eleves, string eleveId, string nom, string prenom, string naissance, string division, string mef = "10010012110") =>
        eleves
            .Replace("</ELEVES>", $"""
                  <ELEVE ELEVE_ID="{eleveId}" ELENOET="9{eleveId}">
                    <ID_NATIONAL>09990{eleveId}Z</ID_NATIONAL>
                    <NOM_DE_FAMILLE>{nom}</NOM_DE_FAMILLE>
                    <PRENOM>{prenom}</PRENOM>
                    <DATE_NAISS>{naissance}</DATE_NAISS>
                    <CODE_MEF>{mef}</CODE_MEF>
                  </ELEVE>
                </ELEVES>
                """, StringComparison.Ordinal)
            .Replace("</STRUCTURES>", $"""
                  <STRUCTURES_ELEVE ELEVE_ID="{eleveId}">
                    <STRUCTURE><CODE_STRUCTURE>{division}</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE>
                  </STRUCTURES_ELEVE>
                </STRUCTURES>
                """, StringComparison.Ordinal);

    public static string Remplacer(string texte, string motif, string remplacement)
    {
        var resultat = Regex.Replace(texte, motif, remplacement, RegexOptions.Singleline);
        Assert.NotEqual(texte, resultat);
        return resultat;
    }
}

/// <summary>Une base de test migrée, une horloge au 5 novembre 2025 et de quoi lire et importer.</summary>
public sealed class BancImport : IAsyncDisposable
{
    private BancImport(BaseDeTest baseDeTest) => Base = baseDeTest;

    public BaseDeTest Base { get; }

    public HorlogeFixe Horloge { get; } = new(new DateTimeOffset(2025, 11, 5, 9, 0, 0, TimeSpan.Zero));

    public OptionsImport Options { get; } = new();

    public LecteurSiecle Siecle => new(Options, Horloge);

    public LecteurOnde Onde => new(Options);

    public LecteurTableur Tableur => new(Options);

    public OutilsSecrets Outils => new(new GenerateurSecrets(), new CoffreDeTest(), new HacheurPbkdf2(1000), Horloge, new OptionsComptes());

    public static DemandeImport Demande(int? annee = null) => new(Echantillons.Uai, "secretariat@test") { AnneeConfirmee = annee, CreerEtablissement = true };

    public static async Task<BancImport> CreerAsync(FournisseurBase fournisseur)
    {
        var banc = new BancImport(await BaseDeTest.CreerAsync(fournisseur));
        await using var db = await banc.Base.ContexteMigreAsync();
        return banc;
    }

    public ServiceImport Service(CredentialsDbContext db) => new(db, Horloge, Options, NullLogger<ServiceImport>.Instance);

    public ListeImport LireSiecle() => Siecle.Lire(Echantillons.SiecleEleves, Echantillons.SiecleResponsables);

    public ListeImport LireOnde() => Onde.Lire(Echantillons.OndeEleves, Echantillons.OndeResponsables);

    public async Task<ApercuImport> ApercevoirAsync(ListeImport liste, DemandeImport? demande = null)
    {
        await using var db = Base.Contexte();
        return await Service(db).ApercevoirAsync(liste, demande ?? Demande());
    }

    public async Task<ResultatImport> ImporterAsync(ListeImport liste, DemandeImport? demande = null, string? empreinte = null)
    {
        await using var db = Base.Contexte();
        return await Service(db).AppliquerAsync(liste, demande ?? Demande(), empreinte);
    }

    /// <summary>Tout ce qu'un import peut changer, ligne par ligne : deux instantanés égaux = base inchangée.</summary>
    public async Task<List<string>> InstantaneAsync()
    {
        await using var db = Base.Contexte();
        var lignes = new List<string>();
        lignes.AddRange(await db.Etablissements.OrderBy(e => e.Id).Select(e => $"E {e.Id} {e.Uai} {e.Nom} {e.AnneeScolaire} v{e.Version}").ToListAsync());
        lignes.AddRange(await db.Classes.OrderBy(c => c.Id).Select(c => $"C {c.Id} {c.Code} {c.Libelle} {c.CodeMef} {c.LibelleMef} {c.Niveau} {c.CleImport}").ToListAsync());
        lignes.AddRange((await db.Comptes.OrderBy(c => c.Id).ToListAsync()).Select(c =>
            $"A {c.Id} {c.Profil} {c.Identifiant} {c.Nom} {c.Prenom} {c.DateNaissance} {c.Civilite} {c.Courriel} {c.ClasseId} {c.CodeMef} {c.LibelleMef} {c.CleImport} {c.Ine} {c.Etat} {c.Bloque} {c.DateSortie:O} {c.MotDePasseProvisoireChiffre} v{c.Version}"));
        lignes.AddRange(await db.Responsabilites.OrderBy(r => r.Id).Select(r => $"R {r.Id} {r.ResponsableId} {r.EleveId} {r.Lien} {r.RangLegal}").ToListAsync());
        lignes.Add($"J {await db.Evenements.CountAsync()} {await db.EvenementComptes.CountAsync()}");
        return lignes;
    }

    public async ValueTask DisposeAsync() => await Base.DisposeAsync();
}
