using System.CommandLine;
using Credentials.Core.Acces;
using Credentials.Core.Conservation;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Credentials.Cli.Verbes;

/// <summary><c>export-personne</c> : tout ce que l'établissement détient sur une personne (RGPD art. 15 et 20), en JSON et en PDF.</summary>
internal static class VerbeExportPersonne
{
    public static Command Creer()
    {
        var uai = new Option<string>("--uai") { Description = "UAI de l'établissement.", Required = true };
        var identifiant = new Option<string>("--identifiant") { Description = "Identifiant du compte de la personne.", Required = true };
        var sortie = new Option<FileInfo>("--out") { Description = "Fichier JSON à écrire (le PDF est écrit à côté, en .pdf).", Required = true };
        var commande = new Command("export-personne", "Écrit les données d'une personne (identité, classes, liens, état du compte, journal, courriels), sans aucun secret.") { uai, identifiant, sortie };
        commande.SetAction(resultat => Hosting.ExecuterAsync(async services =>
        {
            var etablissement = await Hosting.EtablissementAsync(services, resultat.GetValue(uai)!);
            var portee = Portee.Cli(etablissement.Id);
            var service = services.GetRequiredService<ServiceDonneesPersonnelles>();
            var donnees = await service.ExporterAsync(portee, await service.CompteAsync(portee, resultat.GetValue(identifiant)!));
            var fichier = resultat.GetValue(sortie)!;
            await File.WriteAllBytesAsync(fichier.FullName, ServiceDonneesPersonnelles.EnJson(donnees));
            var pdf = Path.ChangeExtension(fichier.FullName, ".pdf");
            await using (var flux = File.Create(pdf))
            {
                DonneesPersonnePdfRenderer.Ecrire(donnees, flux);
            }

            AnsiConsole.WriteLine($"Données de {donnees.Identite.Prenom} {donnees.Identite.Nom} : {donnees.Evenements.Count} événement(s), {donnees.Courriels.Count} courriel(s), écrites dans {fichier.FullName} et {pdf}.");
            return 0;
        }));
        return commande;
    }
}
