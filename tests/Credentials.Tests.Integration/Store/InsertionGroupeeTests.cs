using System.Data.Common;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Tests.Constructeurs;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Credentials.Tests.Store;

/// <summary>
/// <see cref="EcritureEnLot.InsererAsync{T}"/> (hand-written <c>INSERT … RETURNING</c>, used by imports) writes exactly
/// the rows <c>SaveChanges</c> writes, on SQLite and PostgreSQL, gives each entity its key and leaves them untracked.
/// </summary>
public class InsertionGroupeeTests
{
    // More than one statement on both engines, the last one shorter (SQLite: one account, 21 links per INSERT;
    // PostgreSQL: 100 accounts per INSERT).
    private const int Eleves = 500;
    private const int Responsables = 310;

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Une_insertion_groupee_ecrit_les_memes_lignes_que_SaveChanges(FournisseurBase fournisseur)
    {
        await using var parEf = await BaseDeTest.CreerAsync(fournisseur);
        await using var groupee = await BaseDeTest.CreerAsync(fournisseur);
        var maintenant = new DateTime(2026, 9, 1, 8, 30, 15, DateTimeKind.Utc);

        await using (var db = await parEf.ContexteMigreAsync())
        {
            var (comptes, liens) = await EcoleAsync(db, maintenant);
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Comptes.AddRange(comptes);
            await db.SaveChangesAsync();
            db.Responsabilites.AddRange(liens(comptes));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        await using (var db = await groupee.ContexteMigreAsync())
        {
            var (comptes, liens) = await EcoleAsync(db, maintenant);
            db.ChangeTracker.Clear();
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await EcritureEnLot.InsererAsync(db, comptes, [nameof(Compte.Identifiant)], default);
                var nouveauxLiens = liens(comptes);
                await EcritureEnLot.InsererAsync(db, nouveauxLiens, [nameof(Responsabilite.ResponsableId), nameof(Responsabilite.EleveId)], default);
                await transaction.CommitAsync();

                // Real ids, foreign keys taken from the navigations, and nothing tracked.
                Assert.All(comptes, c => Assert.True(c.Id > 0));
                Assert.Equal(comptes.Count, comptes.Select(c => c.Id).Distinct().Count());
                Assert.All(nouveauxLiens, l => Assert.True(l.Id > 0 && l.ResponsableId == l.Responsable.Id && l.EleveId == l.Eleve.Id));
                Assert.Empty(db.ChangeTracker.Entries());
            }

            // Each entity has the id of its own row.
            var ids = await db.Comptes.AsNoTracking().ToDictionaryAsync(c => c.Identifiant, c => c.Id);
            Assert.All(comptes, c => Assert.Equal(ids[c.Identifiant], c.Id));

            // An inserted account attached later goes through the concurrency check with the version it was written with.
            var premier = comptes[0];
            var version = premier.Version;
            db.Attach(premier);
            premier.ModifierCourriel("nouvelle.adresse@exemple.fr");
            Assert.Equal(1, await db.SaveChangesAsync());
            Assert.Equal(premier.Version, await db.Comptes.AsNoTracking().Where(c => c.Id == premier.Id).Select(c => c.Version).SingleAsync());

            // Undone before comparing with the rows SaveChanges wrote.
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE \"Comptes\" SET \"Courriel\" = NULL, \"Version\" = {0} WHERE \"Id\" = {1}", version, premier.Id);
        }

        Assert.Equal(await LignesAsync(parEf), await LignesAsync(groupee));
    }

    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Une_insertion_refusee_par_la_base_est_signalee_comme_par_SaveChanges(FournisseurBase fournisseur)
    {
        await using var baseTest = await BaseDeTest.CreerAsync(fournisseur);
        await using var db = await baseTest.ContexteMigreAsync();
        var etablissement = new Etablissement("0999999Z", "Collège d'essai");
        db.Etablissements.Add(etablissement);
        await db.SaveChangesAsync();
        var existant = new CompteBuilder().Dans(etablissement).Identifiant("eleve.1").Construire();
        db.Comptes.Add(existant);
        await db.SaveChangesAsync();

        // The second one takes a login that exists (unique index): the whole batch is refused, as SaveChanges would.
        var nouveaux = new[] { "eleve.2", "eleve.1", "eleve.3" }.Select(i => new CompteBuilder().Dans(etablissement).Identifiant(i).Construire()).ToList();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var erreur = await Assert.ThrowsAsync<DbUpdateException>(() => EcritureEnLot.InsererAsync(db, nouveaux, [nameof(Compte.Identifiant)], default));
            Assert.IsAssignableFrom<DbException>(erreur.InnerException);
        }

        Assert.Equal(["eleve.1"], await db.Comptes.AsNoTracking().Select(c => c.Identifiant).ToListAsync());
    }

    /// <summary>A school, two classes, and accounts filled as an import fills them (all column kinds: text, enum, dates, nulls, foreign keys).</summary>
    private static async Task<(List<Compte> Comptes, Func<List<Compte>, List<Responsabilite>> Liens)> EcoleAsync(CredentialsDbContext db, DateTime maintenant)
    {
        var etablissement = new Etablissement("0999999Z", "Collège d'essai");
        db.Etablissements.Add(etablissement);
        var classes = new[] { new Classe(etablissement, "6A"), new Classe(etablissement, "5B") };
        db.Classes.AddRange(classes);
        await db.SaveChangesAsync();

        var comptes = new List<Compte>();
        for (var i = 0; i < Eleves; i++)
        {
            var c = new CompteBuilder().Dans(etablissement).Nomme($"Élève-{i}", i % 7 == 0 ? "Zoé" : $"Prénom {i}").Identifiant($"eleve.{i}").CreeLe(maintenant).Construire();
            c.ModifierIdentite(c.Nom, c.Prenom, i % 5 == 0 ? null : new DateOnly(2013, 1 + (i % 12), 1 + (i % 28)), i % 2 == 0 ? "M." : null);
            if (i % 3 == 0)
            {
                c.Scolariser(classes[i % 2], "10010012110", i % 6 == 0 ? "6EME" : null);
            }

            c.DefinirCleImport($"E{i}", i % 4 == 0 ? null : $"{i:D9}AB");
            comptes.Add(c);
        }

        for (var i = 0; i < Responsables; i++)
        {
            var c = new CompteBuilder().Dans(etablissement).Responsable().Nomme($"O'Parent {i}", $"Resp {i}").Identifiant($"resp.{i}").CreeLe(maintenant).Construire();
            c.ModifierCourriel(i % 3 == 0 ? null : $"parent{i}@exemple.fr");
            c.DefinirLangue(i % 10 == 0 ? "ar" : null);
            c.DefinirCleImport($"R{i}");
            comptes.Add(c);
        }

        List<Responsabilite> Liens(List<Compte> tous)
        {
            var eleves = tous.Where(c => c.Profil == Profil.Eleve).ToList();
            var responsables = tous.Where(c => c.Profil == Profil.Responsable).ToList();
            return eleves.SelectMany((e, i) => new[]
            {
                new Responsabilite(responsables[i % responsables.Count], e, LienParente.Mere, 1),
                new Responsabilite(responsables[(i + 1) % responsables.Count], e, LienParente.Pere, 2),
            }).ToList();
        }

        return (comptes, Liens);
    }

    /// <summary>Every column of both tables as text, ids replaced by logins (the two databases number rows alike, but not necessarily).</summary>
    private static async Task<List<string>> LignesAsync(BaseDeTest baseTest)
    {
        await using var db = baseTest.Contexte();
        var connexion = db.Database.GetDbConnection();
        await connexion.OpenAsync();
        var lignes = new List<string>();
        var identifiants = new Dictionary<string, string>();
        foreach (var sql in new[] { "SELECT * FROM \"Comptes\"", "SELECT * FROM \"Responsabilites\"" })
        {
            await using var commande = connexion.CreateCommand();
            commande.CommandText = sql;
            await using DbDataReader lecteur = await commande.ExecuteReaderAsync();
            while (await lecteur.ReadAsync())
            {
                var valeurs = new List<string>();
                for (var i = 0; i < lecteur.FieldCount; i++)
                {
                    var nom = lecteur.GetName(i);
                    var valeur = lecteur.IsDBNull(i) ? "NULL" : Convert.ToString(lecteur.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
                    valeurs.Add(nom switch
                    {
                        "Id" => "",
                        "ResponsableId" or "EleveId" => $"{nom}={identifiants[valeur]}",
                        _ => $"{nom}={valeur}",
                    });
                }

                if (sql.Contains("Comptes", StringComparison.Ordinal))
                {
                    identifiants[Convert.ToString(lecteur.GetValue(lecteur.GetOrdinal("Id")), System.Globalization.CultureInfo.InvariantCulture)!] =
                        lecteur.GetString(lecteur.GetOrdinal("Identifiant"));
                }

                lignes.Add(string.Join('|', valeurs));
            }
        }

        Assert.Equal(Eleves + Responsables + (2 * Eleves), lignes.Count);
        lignes.Sort(StringComparer.Ordinal);
        return lignes;
    }
}
