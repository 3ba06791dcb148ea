using System.CommandLine;
using System.Diagnostics;
using Credentials.Core.Documents;
using Credentials.Core.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Credentials.Cli.Verbes;

/// <summary><c>notify</c> : (re)notifie une sélection comme la console, et écrit les courriers en PDF.</summary>
internal static class VerbeNotify
{
    public static Command Creer()
    {
        var selection = new OptionsSelection();
        var canal = new Option<string>("--canal") { Description = "courrier (PDF).", DefaultValueFactory = _ => "courrier" };
        var modele = new Option<int>("--modele") { Description = "1 : un courrier par page ; 2 : deux par page ; 8 : fiches à découper.", DefaultValueFactory = _ => 1 };
        var reinitialiser = new Option<bool>("--reinitialiser") { Description = "Donne un nouveau mot de passe provisoire à chacun (les activés compris)." };
        var commande = new Command("notify", "(Re)notifie des comptes selon leurs règles d'état et écrit les fiches en PDF.") { canal, modele, reinitialiser };
        selection.AjouterA(commande);
        commande.SetAction(resultat => Hote.ExecuterAsync(async services =>
        {
            if (resultat.GetValue(canal) != "courrier")
            {
                throw new ErreurMetier($"Canal inconnu « {resultat.GetValue(canal)} » : courrier.");
            }

            var gabarit = resultat.GetValue(modele) switch
            {
                1 => ModeleFiche.Detaillee,
                2 => ModeleFiche.DeuxParPage,
                8 => ModeleFiche.Simplifiee,
                var m => throw new ErreurMetier($"Modèle inconnu « {m} » : 1, 2 ou 8."),
            };
            var etablissement = await Hote.EtablissementAsync(services, resultat.GetValue(selection.Uai)!);
            var chrono = Stopwatch.StartNew();
            var lot = await services.GetRequiredService<ServiceCredentials>()
                .NotifierAsync(Portee.Cli(etablissement.Id), selection.Criteres(resultat), resultat.GetValue(reinitialiser), "courrier");
            var fichier = resultat.GetValue(selection.Sortie)!;
            await using (var flux = fichier.Create())
            {
                await new FichesConnexionRenderer().EcrireAsync(gabarit, OptionsSelection.EnTete(etablissement, services.GetRequiredService<IConfiguration>()["Portail:Url"]), lot.Fiches.ToAsyncEnumerable(), flux);
            }

            AnsiConsole.MarkupLineInterpolated($"[green]{lot.Fiches.Count} fiche(s)[/] écrites dans {fichier.FullName} en {chrono.Elapsed.TotalSeconds:0.00} s : {lot.NouveauxMotsDePasse} nouveau(x) mot(s) de passe, {lot.Rappels} rappel(s).");
            foreach (var ignore in lot.Ignores)
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]Ignoré :[/] {ignore.NomComplet} ({ignore.Identifiant}) — {ignore.Raison}");
            }

            return 0;
        }));
        return commande;
    }
}
