using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Credentials.Tests.Store;

/// <summary>
/// The data move of SeparerBlocageEtSortie (issue 17): a database at the previous migration, whose « Bloque »
/// meant both « blocked by the school » and « left », is migrated; the school's blocks get BloqueLe/BloquePar.
/// </summary>
public class MigrationBlocageTests
{
    [Theory]
    [MemberData(nameof(BaseDeTest.Fournisseurs), MemberType = typeof(BaseDeTest))]
    public async Task Un_compte_bloque_non_sorti_devient_bloque_par_l_etablissement_et_un_sorti_reste_seulement_sorti(FournisseurBase fournisseur)
    {
        await using var baseTest = await BaseDeTest.CreerAsync(fournisseur);
        await using (var db = await baseTest.ContexteMigreAsync())
        {
            var etablissement = new Etablissement("0999999Z", "Collège Test");
            var creation = new DateTime(2025, 9, 1, 8, 0, 0, DateTimeKind.Utc);
            Compte Nouveau(string prenom) => new(etablissement, Profil.Eleve, "MARTIN", prenom, $"{prenom}.martin", OrigineCompte.AnnuaireFederateur, creation);
            var sorti = Nouveau("sorti");
            sorti.MarquerSorti(creation.AddDays(30));
            db.Comptes.AddRange(Nouveau("bloque"), sorti, Nouveau("libre"));
            await db.SaveChangesAsync();

            // Back to the schema before the migration, where a block by the school was only « Bloque ».
            var migrations = db.Database.GetMigrations().ToList();
            var derniere = migrations.FindIndex(m => m.EndsWith("_SeparerBlocageEtSortie", StringComparison.Ordinal));
            Assert.True(derniere > 0);
            await db.GetService<IMigrator>().MigrateAsync(migrations[derniere - 1]);
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("""UPDATE "Comptes" SET "Bloque" = (1 = 1) WHERE "Identifiant" = 'bloque.martin'"""));
        }

        var avant = DateTime.UtcNow.AddMinutes(-1);
        await using (var db = await baseTest.ContexteMigreAsync())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        await using var verification = baseTest.Contexte();
        var comptes = await verification.Comptes.ToDictionaryAsync(c => c.Prenom);
        var bloque = comptes["bloque"];
        Assert.Equal((true, true, "avant la mise à jour"), (bloque.Bloque, bloque.BloqueParEtablissement, bloque.BloquePar));
        Assert.InRange(bloque.BloqueLe!.Value, avant, DateTime.UtcNow.AddMinutes(1));
        Assert.Null(bloque.MotifBlocage);

        // Left and blocked: taken as blocked by leaving only.
        var parti = comptes["sorti"];
        Assert.Equal((true, false, null), (parti.Bloque, parti.BloqueParEtablissement, parti.BloquePar));
        parti.Reintegrer();
        Assert.False(parti.Bloque);

        var libre = comptes["libre"];
        Assert.Equal((false, null, null), (libre.Bloque, libre.BloqueLe, libre.BloquePar));
    }
}
