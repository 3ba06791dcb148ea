using Bogus;
using Credentials.Core.Comptes;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Secrets;
using Microsoft.EntityFrameworkCore;

namespace Credentials.Core.Seeding;

/// <summary>Ce que le jeu de démonstration a créé.</summary>
public sealed record BilanDemo(Etablissement Etablissement, int Eleves, int Responsables, int Enseignants, int Personnels, int Liens);

/// <summary>
/// Un collège réaliste pour la démonstration et les mesures : classes de la 6e à la 3e avec leurs MEF,
/// 1 ou 2 responsables par élève, des fratries, une adresse sur deux chez les parents, des
/// enseignants et des personnels, et un mélange d'états de compte.
/// </summary>
public sealed class DemoSeeder(CredentialsDbContext db, OutilsSecrets outils)
{
    private static readonly (string Niveau, string Mef, string LibelleMef)[] Niveaux =
    [
        ("6e", "10010012110", "6EME"),
        ("5e", "10110001110", "5EME"),
        ("4e", "10210001110", "4EME"),
        ("3e", "10310019110", "3EME"),
    ];

    public async Task<BilanDemo> SeedAsync(string uai, int nombreEleves, int graine = 2026, CancellationToken ct = default)
    {
        uai = Etablissement.NormaliserUai(uai);
        if (await db.Etablissements.AnyAsync(e => e.Uai == uai, ct))
        {
            throw new InvalidOperationException($"L'établissement {uai} existe déjà : choisissez un autre UAI.");
        }

        var faker = new Faker("fr") { Random = new Randomizer(graine) };
        var maintenant = outils.Maintenant;
        // Demo holders' chosen passwords are random and never typed: a cheap hash keeps seeding fast.
        var horloge = new HorlogeDemo(maintenant);
        var outilsDemo = outils with { Hacheur = new HacheurPbkdf2(iterations: 1_000), Horloge = horloge };

        var etablissement = new Etablissement(uai, "Collège Jean Moulin");
        etablissement.ModifierReglages("Collège Jean Moulin", "Orléans", "Mme Sophie Laurent", null, null, null, "En cas de difficulté, contactez le secrétariat du collège au 02 38 00 00 00.");
        etablissement.DefinirAnneeScolaire(maintenant.Month >= 8 ? maintenant.Year : maintenant.Year - 1);
        db.Etablissements.Add(etablissement);
        await db.SaveChangesAsync(ct);

        var parNiveau = Math.Max(1, (int)Math.Ceiling(nombreEleves / 4.0 / 28.0));
        var classes = new List<Classe>();
        foreach (var (niveau, mef, libelleMef) in Niveaux)
        {
            for (var i = 0; i < parNiveau; i++)
            {
                var classe = new Classe(etablissement, $"{niveau[0]}{(char)('A' + i)}");
                classe.Decrire($"{niveau} {(char)('A' + i)}", mef, libelleMef, niveau);
                classes.Add(classe);
            }
        }

        db.Classes.AddRange(classes);
        await db.SaveChangesAsync(ct);

        // People first (names), identifiers in one batch, accounts after.
        var familles = new List<(string Nom, List<(string Prenom, string Nom, string? Courriel, string Civilite, LienParente Lien)> Parents)>();
        var eleves = new List<(string Prenom, string Nom, DateOnly Naissance, Classe Classe, int Famille)>();
        while (eleves.Count < nombreEleves)
        {
            var nom = faker.Name.LastName();
            var parents = new List<(string, string, string?, string, LienParente)>();
            var mere = faker.Name.FirstName(Bogus.DataSets.Name.Gender.Female);
            var pere = faker.Name.FirstName(Bogus.DataSets.Name.Gender.Male);
            var nomMere = faker.Random.Bool(0.3f) ? faker.Name.LastName() : nom;
            parents.Add((mere, nomMere, faker.Random.Bool(0.5f) ? Courriel(faker, mere, nomMere) : null, "MME", LienParente.Mere));
            if (faker.Random.Bool(0.72f))
            {
                parents.Add((pere, nom, faker.Random.Bool(0.5f) ? Courriel(faker, pere, nom) : null, "M.", LienParente.Pere));
            }

            familles.Add((nom, parents));
            var enfants = faker.Random.Bool(0.15f) ? 2 : 1;
            for (var e = 0; e < enfants && eleves.Count < nombreEleves; e++)
            {
                var classe = faker.PickRandom(classes);
                var age = 11 + Array.FindIndex(Niveaux, n => n.Niveau == classe.Niveau);
                var naissance = DateOnly.FromDateTime(maintenant.AddYears(-age).AddDays(-faker.Random.Int(0, 364)));
                eleves.Add((faker.Name.FirstName(), nom, naissance, classe, familles.Count - 1));
            }
        }

        var personnels = Enumerable.Range(0, Math.Max(5, nombreEleves / 15))
            .Select(i => (Prenom: faker.Name.FirstName(), Nom: faker.Name.LastName(), Profil: i % 4 == 3 ? Profil.Personnel : Profil.Enseignant))
            .ToList();

        var attribution = new AttributionIdentifiants();
        await attribution.PreparerAsync(
            db,
            eleves.Select(e => (e.Prenom, e.Nom))
                .Concat(familles.SelectMany(f => f.Parents).Select(p => (p.Prenom, p.Nom)))
                .Concat(personnels.Select(p => (p.Prenom, p.Nom))),
            ct);

        // Some of Bogus' French names carry stray punctuation ("Florent,").
        static string Propre(string nom) => nom.Trim().TrimEnd(',', '.', ';');

        Compte NouveauCompte(Profil profil, string prenom, string nom) =>
            new(etablissement, profil, Propre(nom).ToUpperInvariant(), Propre(prenom), attribution.Attribuer(prenom, nom), OrigineCompte.AnnuaireFederateur, maintenant.AddDays(-faker.Random.Int(1, 60)));

        var comptesParents = familles.Select(f => f.Parents.Select(p =>
        {
            var compte = NouveauCompte(Profil.Responsable, p.Prenom, p.Nom);
            compte.ModifierIdentite(compte.Nom, compte.Prenom, null, p.Civilite);
            compte.ModifierCourriel(p.Courriel);
            compte.DefinirCleImport($"demo-resp-{Guid.NewGuid():N}");
            return (Compte: compte, p.Lien);
        }).ToList()).ToList();

        var liens = 0;
        var tous = new List<Compte>();
        foreach (var e in eleves)
        {
            var compte = NouveauCompte(Profil.Eleve, e.Prenom, e.Nom);
            compte.ModifierIdentite(compte.Nom, compte.Prenom, e.Naissance);
            compte.Scolariser(e.Classe, e.Classe.CodeMef, e.Classe.LibelleMef);
            compte.DefinirCleImport($"demo-eleve-{Guid.NewGuid():N}");
            tous.Add(compte);
            var rang = 1;
            foreach (var parent in comptesParents[e.Famille])
            {
                db.Responsabilites.Add(new Responsabilite(parent.Compte, compte, parent.Lien, rang++));
                liens++;
            }
        }

        tous.AddRange(comptesParents.SelectMany(p => p.Select(x => x.Compte)));
        tous.AddRange(personnels.Select(p => NouveauCompte(p.Profil, p.Prenom, p.Nom)));

        foreach (var compte in tous)
        {
            var tirage = faker.Random.Double();
            if (tirage < 0.40)
            {
                continue;
            }

            // Letters handed out over the last weeks, accounts activated in the days that followed: the
            // Statistiques tab then shows a realistic curve.
            horloge.Regler(maintenant.AddDays(-faker.Random.Double(12, 30)));
            var notification = compte.Notifier(false, outilsDemo);
            if (tirage >= 0.72 && notification.MotDePasse is { } provisoire)
            {
                var activation = horloge.GetUtcNow().UtcDateTime.AddDays(faker.Random.Double(0, 12));
                horloge.Regler(activation < maintenant ? activation : maintenant);
                compte.Activer(provisoire, faker.Internet.Password(16), null, outilsDemo);
            }

            if (tirage > 0.985)
            {
                compte.Bloquer("secrétariat (démonstration)", "Compte bloqué pour la démonstration", maintenant);
            }
        }

        db.Comptes.AddRange(tous);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        return new BilanDemo(
            etablissement,
            eleves.Count,
            comptesParents.Sum(p => p.Count),
            personnels.Count(p => p.Profil == Profil.Enseignant),
            personnels.Count(p => p.Profil == Profil.Personnel),
            liens);
    }

    private static string Courriel(Faker faker, string prenom, string nom) =>
        $"{Identifiants.Racine(prenom, nom)}{faker.Random.Int(1, 99)}@{faker.PickRandom("exemple.fr", "courriel.test", "famille.test")}";
}

/// <summary>L'horloge du jeu de démonstration : les notifications et les activations prennent des dates passées.</summary>
internal sealed class HorlogeDemo(DateTime maintenant) : TimeProvider
{
    private DateTimeOffset instant = new(DateTime.SpecifyKind(maintenant, DateTimeKind.Utc));

    public void Regler(DateTime utc) => instant = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    public override DateTimeOffset GetUtcNow() => instant;
}
