using System.Reflection;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Seeding;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Credentials.Tests.Store;

/// <summary>
/// What imports read and write without EF's query pipeline and change tracking (<see cref="LectureDirecte"/>,
/// <see cref="EcritureEnLot.MettreAJourAsync{T}"/>) is what EF reads and writes, on SQLite and PostgreSQL.
/// </summary>
public class LectureDirecteTests
{
    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Les_entites_lues_directement_sont_celles_que_lit_EF(FournisseurBase fournisseur)
    {
        await using var baseTest = await BaseDeTest.CreerAsync(fournisseur);
        int etablissementId;
        await using (var db = await baseTest.ContexteMigreAsync())
        {
            // A school in every state the demo gives (notified, activated, blocked…), and another that must not be read.
            var outils = OutilsDeTest.Creer();
            etablissementId = (await new DemoSeeder(db, outils).SeedAsync("0999999Z", 40)).Etablissement.Id;
            await new DemoSeeder(db, outils).SeedAsync("0888888Y", 5);

            // Values the demo leaves aside: a pupil who left, an end of validity, a language, a school's settings.
            var comptes = await db.Comptes.Where(c => c.EtablissementId == etablissementId).OrderBy(c => c.Id).Take(3).ToListAsync();
            comptes[0].MarquerSorti(new DateTime(2026, 7, 4, 16, 0, 0, DateTimeKind.Utc));
            comptes[1].DefinirFinValidite(new DateOnly(2027, 8, 31));
            comptes[2].DefinirLangue("ar");
            var etablissement = await db.Etablissements.SingleAsync(e => e.Id == etablissementId);
            etablissement.DefinirAnneeScolaire(2026);
            etablissement.ModifierReglages("Collège Jean Moulin", "Orléans", "Mme Durand", null, "secretariat@exemple.fr", "Texte du courrier", null);
            await db.SaveChangesAsync();
        }

        await using (var db = baseTest.Contexte())
        {
            Comparer(
                db,
                await db.Etablissements.AsNoTracking().Where(e => e.Uai == "0999999Z").ToListAsync(),
                await LectureDirecte.ListerAsync<Etablissement>(db, nameof(Etablissement.Uai), "0999999Z", default));
            Comparer(
                db,
                await db.Classes.AsNoTracking().Where(c => c.EtablissementId == etablissementId).ToListAsync(),
                await LectureDirecte.ListerAsync<Classe>(db, nameof(Classe.EtablissementId), etablissementId, default));
            Comparer(
                db,
                await db.Comptes.AsNoTracking().Where(c => c.EtablissementId == etablissementId).ToListAsync(),
                await LectureDirecte.ListerAsync<Compte>(db, nameof(Compte.EtablissementId), etablissementId, default));
            Comparer(
                db,
                await db.Responsabilites.AsNoTracking().Where(l => l.Eleve.EtablissementId == etablissementId).ToListAsync(),
                await LectureDirecte.ListerParParentAsync<Responsabilite, Compte>(db, nameof(Responsabilite.EleveId), nameof(Compte.EtablissementId), etablissementId, default));

            // The logins taken for some roots (login attribution), among them roots nobody has.
            var racines = (await db.Comptes.AsNoTracking().Select(c => c.IdentifiantRacine).Distinct().OrderBy(r => r).Take(12).ToListAsync()).Append("personne.inconnue").ToList();
            Assert.Equal(
                (await db.Comptes.AsNoTracking().Where(c => racines.Contains(c.IdentifiantRacine)).Select(c => c.Identifiant).ToListAsync()).Order(StringComparer.Ordinal),
                (await LectureDirecte.TextesAsync<Compte>(db, nameof(Compte.Identifiant), nameof(Compte.IdentifiantRacine), racines, default)).Order(StringComparer.Ordinal));
            Assert.Empty(await LectureDirecte.TextesAsync<Compte>(db, nameof(Compte.Identifiant), nameof(Compte.IdentifiantRacine), [], default));

            // Nothing read directly is tracked, as with AsNoTracking.
            Assert.Empty(db.ChangeTracker.Entries());
        }
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task La_version_d_un_etablissement_non_suivi_ne_s_ecrit_que_si_personne_ne_l_a_changee(FournisseurBase fournisseur)
    {
        await using var baseTest = await BaseDeTest.CreerAsync(fournisseur);
        await using (var db = await baseTest.ContexteMigreAsync())
        {
            db.Etablissements.Add(new Etablissement("0999999Z", "Collège d'essai"));
            await db.SaveChangesAsync();
        }

        await using (var db = baseTest.Contexte())
        {
            var lu = Assert.Single(await LectureDirecte.ListerAsync<Etablissement>(db, nameof(Etablissement.Uai), "0999999Z", default));
            var versionLue = lu.Version;
            lu.DefinirAnneeScolaire(2026);
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await EcritureEnLot.MettreAJourAsync(db, lu, versionLue, [nameof(Etablissement.AnneeScolaire)], default);
                await transaction.CommitAsync();
            }

            Assert.Empty(db.ChangeTracker.Entries());
            var ecrit = await db.Etablissements.AsNoTracking().SingleAsync();
            Assert.Equal((2026, versionLue + 1), (ecrit.AnneeScolaire, ecrit.Version));

            // Someone else changes the school after it was read: nothing is written, as SaveChanges would refuse.
            var perime = Assert.Single(await LectureDirecte.ListerAsync<Etablissement>(db, nameof(Etablissement.Uai), "0999999Z", default));
            await using (var autre = baseTest.Contexte())
            {
                var suivi = await autre.Etablissements.SingleAsync();
                suivi.ModifierReglages("Collège renommé", null, null, null, null, null, null);
                await autre.SaveChangesAsync();
            }

            var versionPerimee = perime.Version;
            perime.DefinirAnneeScolaire(2027);
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() =>
                    EcritureEnLot.MettreAJourAsync(db, perime, versionPerimee, [nameof(Etablissement.AnneeScolaire)], default));
            }

            var apres = await db.Etablissements.AsNoTracking().SingleAsync();
            Assert.Equal(("Collège renommé", 2026, versionLue + 2), (apres.Nom, apres.AnneeScolaire, apres.Version));
        }
    }

    /// <summary>The same entities, every mapped property equal (dates with their kind), and the other school's rows absent.</summary>
    private static void Comparer<T>(DbContext db, List<T> attendues, List<T> lues)
        where T : class
    {
        var type = db.Model.FindEntityType(typeof(T))!;
        Assert.NotEmpty(attendues);
        Assert.Equal(attendues.Count, lues.Count);
        var cle = type.FindPrimaryKey()!.Properties.Single().PropertyInfo!;
        var parCle = lues.ToDictionary(e => cle.GetValue(e)!);
        var proprietes = type.GetProperties().Select(p => p.PropertyInfo).OfType<PropertyInfo>().ToList();
        Assert.Equal(type.GetProperties().Count(), proprietes.Count);
        foreach (var attendue in attendues)
        {
            var lue = parCle[cle.GetValue(attendue)!];
            foreach (var propriete in proprietes)
            {
                var (a, l) = (propriete.GetValue(attendue), propriete.GetValue(lue));
                Assert.True(Equals(a, l), $"{typeof(T).Name}.{propriete.Name}: EF read « {a} », the direct read « {l} ».");
                if (a is DateTime date)
                {
                    Assert.Equal(date.Kind, ((DateTime)l!).Kind);
                }
            }
        }
    }
}
