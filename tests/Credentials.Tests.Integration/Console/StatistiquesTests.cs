using System.Net;
using Credentials.Core.Acces;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Statistiques;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Tests.Console;

/// <summary>« Statistiques »: counts that match the accounts, by class and by profile, within each user's scope.</summary>
public sealed class StatistiquesTests() : DeuxEtablissements(120, 40)
{
    private async Task<(StatistiquesEtablissement Stats, List<Compte> Comptes, List<Responsabilite> Liens)> CalculerAsync(Portee portee)
    {
        await using var scope = app.Portee();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        var stats = await scope.ServiceProvider.GetRequiredService<ServiceStatistiques>().CalculerAsync(portee);
        var comptes = await db.Comptes.AsNoTracking().Include(c => c.Classe).Where(c => c.EtablissementId == portee.EtablissementId).ToListAsync();
        var liens = await db.Responsabilites.AsNoTracking().ToListAsync();
        return (stats, comptes, liens);
    }

    private static void Verifier(LigneStatistiques ligne, IReadOnlyCollection<Compte> comptes)
    {
        Assert.Equal(comptes.Count, ligne.Total);
        Assert.Equal(comptes.Count(c => c.Etat == EtatCompte.NonNotifie), ligne.NonNotifies);
        Assert.Equal(comptes.Count(c => c.Etat == EtatCompte.NotifieNonActive), ligne.NonActives);
        Assert.Equal(comptes.Count(c => c.Etat == EtatCompte.Active), ligne.Actives);
        Assert.Equal(comptes.Count(c => c.Bloque), ligne.Bloques);
    }

    [Fact]
    public async Task Les_chiffres_de_la_direction_sont_ceux_des_comptes_par_profil_et_par_classe()
    {
        var (stats, comptes, liens) = await CalculerAsync(new Portee(etablissementA, RoleConsole.Directeur, null, Directrice));

        var eleves = comptes.Where(c => c.Profil == Profil.Eleve).ToList();
        Verifier(stats.ParProfil.Single(l => l.Libelle == "Élèves"), eleves);
        Verifier(stats.ParProfil.Single(l => l.Libelle == "Responsables"), comptes.Where(c => c.Profil == Profil.Responsable).ToList());
        Assert.Equal(eleves.Select(e => e.Classe!.Code).Distinct().Order(StringComparer.Ordinal), stats.ElevesParClasse.Select(l => l.Classe));
        foreach (var ligne in stats.ElevesParClasse)
        {
            Verifier(ligne, eleves.Where(e => e.Classe!.Code == ligne.Classe).ToList());
        }

        // A guardian counts once in each class where he has a child.
        var parId = comptes.ToDictionary(c => c.Id);
        foreach (var ligne in stats.ResponsablesParClasse)
        {
            var responsables = liens.Where(l => parId.TryGetValue(l.EleveId, out var e) && e.Classe?.Code == ligne.Classe)
                .Select(l => l.ResponsableId).Distinct().Select(id => parId[id]).ToList();
            Verifier(ligne, responsables);
        }

        var activesRecemment = comptes.Count(c => c.Profil is Profil.Eleve or Profil.Responsable && c.Etat == EtatCompte.Active
            && c.DateActivation >= DateTime.UtcNow.AddDays(-ServiceStatistiques.JoursEvolution + 1));
        Assert.Equal(stats.Evolution.Sum(p => p.Activations), stats.Evolution.Count == 0 ? 0 : stats.Evolution[^1].Cumul);
        Assert.InRange(stats.Evolution.Sum(p => p.Activations), activesRecemment, comptes.Count(c => c.Etat == EtatCompte.Active));
    }

    [Fact]
    public async Task Un_enseignant_ne_voit_que_ses_classes_et_l_autre_etablissement_ne_voit_que_les_siennes()
    {
        var classe6A = (await CalculerAsync(new Portee(etablissementA, RoleConsole.Directeur, null, Directrice))).Comptes.First(c => c.Classe?.Code == "6A").ClasseId!.Value;
        var (prof, comptes, _) = await CalculerAsync(new Portee(etablissementA, RoleConsole.Enseignant, new HashSet<int> { classe6A }, Enseignant));

        Assert.Equal(["6A"], prof.ElevesParClasse.Select(l => l.Classe));
        Assert.Equal(["6A"], prof.ResponsablesParClasse.Select(l => l.Classe));
        Verifier(prof.ParProfil.Single(l => l.Libelle == "Élèves"), comptes.Where(c => c.Profil == Profil.Eleve && c.Classe?.Code == "6A").ToList());
        Assert.DoesNotContain(prof.ParProfil, l => l.Libelle is "Enseignants" or "Personnels");

        var (b, comptesB, _) = await CalculerAsync(new Portee(etablissementB, RoleConsole.Directeur, null, DirecteurB));
        Assert.Equal(40, b.ParProfil.Single(l => l.Libelle == "Élèves").Total);
        Assert.Equal(comptesB.Count(c => c.Profil == Profil.Eleve), b.ElevesParClasse.Sum(l => l.Total));
    }

    [Fact]
    public async Task La_page_mene_de_chaque_classe_a_ses_eleves_sans_compte_active()
    {
        var client = await app.ConnecterAsync(Directrice);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/statistiques"));
        Assert.Contains("Élèves par classe", page);
        Assert.Contains("Responsables par classe de leurs enfants", page);

        var (stats, comptes, _) = await CalculerAsync(new Portee(etablissementA, RoleConsole.Directeur, null, Directrice));
        var ligne = stats.ElevesParClasse.First(l => l.Manquants > 0);
        var lien = $"/eleves?classes={ligne.Classe}&etats=NonNotifie&etats=NotifieNonActive";
        Assert.Contains($"href=\"{lien}\"", page);
        var manquants = WebUtility.HtmlDecode(await client.GetStringAsync(lien + "&taille=200"));
        foreach (var eleve in comptes.Where(c => c.Profil == Profil.Eleve && c.Classe?.Code == ligne.Classe))
        {
            Assert.Equal(eleve.Etat != EtatCompte.Active, manquants.Contains(eleve.Identifiant, StringComparison.Ordinal));
        }

        var prof = await app.ConnecterAsync(Enseignant);
        var pageProf = await prof.GetStringAsync("/statistiques");
        Assert.Equal(HttpStatusCode.OK, (await prof.GetAsync("/statistiques")).StatusCode);
        Assert.DoesNotContain("classes=5A", pageProf);
        Assert.Contains("classes=6A", pageProf);
    }

    [Fact]
    public async Task Les_tableaux_par_classe_se_telechargent_en_csv_dans_la_portee_de_chacun()
    {
        var (stats, _, _) = await CalculerAsync(new Portee(etablissementA, RoleConsole.Directeur, null, Directrice));
        var client = await app.ConnecterAsync(Directrice);

        var reponse = await client.GetAsync("/statistiques/classes.csv");

        Assert.Equal("text/csv", reponse.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("statistiques-par-classe", reponse.Content.Headers.ContentDisposition?.FileNameStar ?? reponse.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lignes = (await reponse.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Profil;Classe;Comptes;Non notifiés;Notifiés non activés;Activés;Taux d'activation (%);Bloqués", lignes[0]);
        Assert.Equal(stats.ElevesParClasse.Count + stats.ResponsablesParClasse.Count, lignes.Length - 1);
        var a6 = stats.ElevesParClasse.Single(l => l.Classe == "6A");
        Assert.Contains($"Élèves;6A;{a6.Total};{a6.NonNotifies};{a6.NonActives};{a6.Actives};{a6.Taux.ToString("0.0", Libelles.Culture)};{a6.Bloques}", lignes);

        var prof = await app.ConnecterAsync(Enseignant);
        var sienne = (await prof.GetStringAsync("/statistiques/classes.csv")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Élèves", "Responsables"], sienne.Skip(1).Select(l => l.Split(';')[0]));
        Assert.All(sienne.Skip(1), l => Assert.Equal("6A", l.Split(';')[1]));
    }

    [Fact]
    public async Task Les_chiffres_se_limitent_aux_familles_d_une_langue_et_chaque_lien_garde_ce_filtre()
    {
        List<long> ukrainiens;
        await using (var scope = app.Portee())
        {
            var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
            var responsables = await db.Comptes.Where(c => c.EtablissementId == etablissementA && c.Profil == Profil.Responsable).OrderBy(c => c.Id).Take(7).ToListAsync();
            responsables.ForEach(r => r.DefinirLangue("uk"));
            await db.SaveChangesAsync();
            ukrainiens = responsables.Select(r => r.Id).ToList();
        }

        var directrice = new Portee(etablissementA, RoleConsole.Directeur, null, Directrice);
        StatistiquesEtablissement stats;
        await using (var scope = app.Portee())
        {
            stats = await scope.ServiceProvider.GetRequiredService<ServiceStatistiques>().CalculerAsync(directrice, "uk");
        }

        var (_, comptes, liens) = await CalculerAsync(directrice);
        Assert.Equal("uk", stats.Langue);
        Assert.Equal(["Élèves", "Responsables"], stats.ParProfil.Select(l => l.Libelle));
        Verifier(stats.ParProfil[1], comptes.Where(c => ukrainiens.Contains(c.Id)).ToList());
        var enfants = liens.Where(l => ukrainiens.Contains(l.ResponsableId)).Select(l => l.EleveId).ToHashSet();
        Verifier(stats.ParProfil[0], comptes.Where(c => enfants.Contains(c.Id)).ToList());
        Assert.Equal(stats.ParProfil[0].Total, stats.ElevesParClasse.Sum(l => l.Total));

        var client = await app.ConnecterAsync(Directrice);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/statistiques?langue=uk"));
        Assert.Contains("Familles de langue ukrainien", page);
        Assert.Contains("<option value=\"uk\" selected=\"selected\">", page);
        Assert.Contains("href=\"/responsables?langue=uk\"", page);
        var liste = WebUtility.HtmlDecode(await client.GetStringAsync("/responsables?langue=uk&taille=200"));
        foreach (var responsable in comptes.Where(c => c.Profil == Profil.Responsable))
        {
            Assert.Equal(ukrainiens.Contains(responsable.Id), liste.Contains(responsable.Identifiant, StringComparison.Ordinal));
        }

        // A tampered code is not a filter: all the families, and it says so.
        var inconnue = WebUtility.HtmlDecode(await client.GetStringAsync("/statistiques?langue=xx"));
        Assert.Contains("Cette langue n'est pas proposée", inconnue);
        Assert.DoesNotContain("langue=xx", inconnue);
    }

    [Fact]
    public async Task La_page_montre_chaque_vague_de_relances_et_les_activations_qui_l_ont_suivie_a_qui_peut_relancer()
    {
        var directrice = new Portee(etablissementA, RoleConsole.Directeur, null, Directrice);
        await using (var scope = app.Portee())
        {
            var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
            var etablissement = await db.Etablissements.SingleAsync(e => e.Id == etablissementA);
            etablissement.ModifierEnvois(etablissement.ModeCourriel, etablissement.DureeLienActivationJours, CalendrierRelances.Lire("Responsable:7"));
            await db.SaveChangesAsync();
        }

        Core.Relances.BilanRelances bilan;
        await using (var scope = app.Portee())
        {
            bilan = await scope.ServiceProvider.GetRequiredService<Core.Relances.ServiceRelances>().RelancerAsync(directrice, simulation: false);
        }

        Assert.NotEmpty(bilan.ParCourriel);
        var client = await app.ConnecterAsync(Directrice);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/statistiques"));
        Assert.Contains("Effet des relances", page);
        Assert.Contains($"href=\"/envois/{bilan.CampagneId}\"", page);
        Assert.Matches($@"<td class=""nombre"">{bilan.ParCourriel.Count}</td>\s*<td class=""nombre"">0</td>", page);

        var prof = WebUtility.HtmlDecode(await (await app.ConnecterAsync(Enseignant)).GetStringAsync("/statistiques"));
        Assert.DoesNotContain("Effet des relances", prof);
    }
}
