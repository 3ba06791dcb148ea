using System.CommandLine;
using System.Diagnostics;
using Credentials.Core.Acces;
using Credentials.Core.Comptes;
using Credentials.Core.Courriels;
using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Credentials.Cli.Verbes;

/// <summary>
/// <c>notify</c> : (re)notifie une sélection comme la console : par courrier (écrit le PDF), ou par courriel
/// (met les courriels en file ; ce sont les instances web qui les envoient), ou aux familles des élèves.
/// </summary>
internal static class VerbeNotify
{
    public static Command Creer()
    {
        var selection = new OptionsSelection(sortieObligatoire: false);
        var canal = new Option<string>("--canal") { Description = "courrier (PDF, --out obligatoire) ou courriel (mis en file, envoyé par l'application web).", DefaultValueFactory = _ => "courrier" };
        var familles = new Option<bool>("--familles") { Description = "Avec --canal courriel : un courriel par responsable des élèves sélectionnés, avec sa fiche et celles de ses enfants ; les familles sans adresse sont écrites dans --out (PDF)." };
        var modele = new Option<int>("--modele") { Description = "1 : un courrier par page ; 2 : deux par page ; 8 : fiches à découper.", DefaultValueFactory = _ => 1 };
        var reinitialiser = new Option<bool>("--reinitialiser") { Description = "Donne un nouveau mot de passe provisoire à chacun (les activés compris)." };
        var commande = new Command("notify", "(Re)notifie des comptes selon leurs règles d'état : fiches en PDF, ou courriels mis en file.") { canal, familles, modele, reinitialiser };
        selection.AjouterA(commande);
        commande.SetAction(resultat => Hosting.ExecuterAsync(async services =>
        {
            var etablissement = await Hosting.EtablissementAsync(services, resultat.GetValue(selection.Uai)!);
            var portee = Portee.Cli(etablissement.Id);
            var criteres = selection.Criteres(resultat);
            var entete = OptionsSelection.EnTete(etablissement, services.GetRequiredService<IConfiguration>()["Portail:Url"]);
            var fichier = resultat.GetValue(selection.Sortie);
            var reinit = resultat.GetValue(reinitialiser);
            return (resultat.GetValue(canal), resultat.GetValue(familles)) switch
            {
                ("courrier", false) => await CourrierAsync(services, portee, criteres, reinit, Gabarit(resultat.GetValue(modele)), entete, fichier),
                ("courriel", false) => await CourrielAsync(services, portee, criteres, reinit),
                ("courriel", true) => await FamillesAsync(services, portee, criteres, reinit, entete, fichier),
                ("courrier", true) => throw new ErreurMetier("--familles s'utilise avec --canal courriel (les familles sans adresse sont écrites dans --out)."),
                var (c, _) => throw new ErreurMetier($"Canal inconnu « {c} » : courrier ou courriel."),
            };
        }));
        return commande;
    }

    private static async Task<int> CourrierAsync(IServiceProvider services, Portee portee, CriteresComptes criteres, bool reinitialiser, ModeleFiche gabarit, EnTeteEtablissement entete, FileInfo? fichier)
    {
        if (fichier is null)
        {
            throw new ErreurMetier("--out est obligatoire avec --canal courrier : le fichier PDF à écrire.");
        }

        var chrono = Stopwatch.StartNew();
        var credentials = services.GetRequiredService<ServiceComptes>();
        var lot = await credentials.PreparerNotificationAsync(portee, new DemandeNotification(criteres, reinitialiser, Canal.Courrier));
        if (lot.Fiches.Count > 0)
        {
            // The whole file is written (beside its final name) before the new states are committed: a rendering or
            // disk failure changes nothing; the same document is kept for the console's « Télécharger à nouveau ».
            var (_, contenu) = await services.GetRequiredService<DocumentsConserves>().PreparerAsync(
                lot.Evenement!, fichier.Name, "application/pdf", (flux, ct) => new FichesConnexionRenderer().EcrireAsync(gabarit, entete, lot.Fiches.ToAsyncEnumerable(), flux, ct),
                $"{lot.Fiches.Count} compte(s) notifié(s) par la ligne de commande.", null);
            var partiel = new FileInfo(fichier.FullName + ".partiel");
            try
            {
                await File.WriteAllBytesAsync(partiel.FullName, contenu);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                partiel.Refresh();
                if (partiel.Exists)
                {
                    partiel.Delete();
                }

                var cause = ex switch
                {
                    DirectoryNotFoundException => "son dossier n'existe pas",
                    UnauthorizedAccessException => "accès refusé",
                    _ => ex.Message,
                };
                throw new ErreurMetier($"Impossible d'écrire {fichier.FullName} ({cause}) : aucun compte n'a été modifié.");
            }

            try
            {
                await credentials.EnregistrerAsync();
            }
            catch
            {
                partiel.Delete();
                throw;
            }

            partiel.MoveTo(fichier.FullName, overwrite: true);
        }

        AnsiConsole.MarkupLineInterpolated(Libelles.Culture, $"[green]{lot.Fiches.Count} fiche(s)[/] écrites dans {fichier.FullName} en {chrono.Elapsed.TotalSeconds:0.00} s : {lot.NouveauxMotsDePasse} nouveau(x) mot(s) de passe, {lot.Rappels} rappel(s).");
        Lister("Ignoré", lot.Ignores);
        return 0;
    }

    private static async Task<int> CourrielAsync(IServiceProvider services, Portee portee, CriteresComptes criteres, bool reinitialiser)
    {
        var bilan = await services.GetRequiredService<ServiceCourriels>().NotifierAsync(portee, criteres, reinitialiser);
        AnsiConsole.MarkupLineInterpolated(Libelles.Culture, $"[green]{bilan.Courriels} courriel(s) mis en file[/]{Campagne(bilan.CampagneId)} : l'application web les envoie (onglet « Envois »).");
        Lister("Ignoré", bilan.Lot.Ignores);
        Lister("Sans adresse", bilan.SansAdresse);
        if (bilan.SansAdresse.Count > 0)
        {
            AnsiConsole.MarkupLineInterpolated(Libelles.Culture, $"{bilan.SansAdresse.Count} compte(s) sans adresse, non modifié(s) : notifiez-les par courrier (--canal courrier --out fichier.pdf).");
        }

        return 0;
    }

    private static async Task<int> FamillesAsync(IServiceProvider services, Portee portee, CriteresComptes criteres, bool reinitialiser, EnTeteEtablissement entete, FileInfo? fichier)
    {
        if (criteres.Profil != Profil.Eleve)
        {
            throw new ErreurMetier("--familles part d'une sélection d'élèves : --profil eleve.");
        }

        var bilan = await services.GetRequiredService<ServiceCourriels>().EnvoyerAuxFamillesAsync(portee, criteres, reinitialiser);
        AnsiConsole.MarkupLineInterpolated(Libelles.Culture, $"[green]{bilan.Courriels} courriel(s) mis en file[/]{Campagne(bilan.CampagneId)}, un par responsable joignable : l'application web les envoie (onglet « Envois »).");
        foreach (var famille in bilan.AImprimer)
        {
            AnsiConsole.MarkupLineInterpolated(Libelles.Culture, $"[yellow]Famille sans adresse :[/] {string.Join(", ", famille.Responsables.Select(r => $"{r.NomComplet} ({r.Identifiant})"))} — {string.Join(", ", famille.Eleves.Select(e => $"{e.NomComplet} ({e.Classe})"))}");
        }

        Lister("Sans responsable", bilan.ElevesSansResponsable);
        Lister("Ignoré", bilan.Ignores);
        if (bilan.AImprimer.Count > 0)
        {
            // These families were notified on paper just now: their letters are written whatever --out says.
            fichier ??= new FileInfo(NomsFichiers.Datee("courriers-familles-sans-adresse", criteres.Classes.Count == 1 ? criteres.Classes.First() : null, DateTime.UtcNow, "pdf"));
            await EcrireAsync(fichier, ModeleFiche.Detaillee, entete, bilan.AImprimer.SelectMany(f => f.Responsables.Concat(f.Eleves)).ToList());
            AnsiConsole.MarkupLineInterpolated(Libelles.Culture, $"Courriers de {bilan.AImprimer.Count} famille(s) sans adresse écrits dans {fichier.FullName}.");
        }

        return 0;
    }

    private static async Task EcrireAsync(FileInfo fichier, ModeleFiche gabarit, EnTeteEtablissement entete, IReadOnlyList<FicheCompte> fiches)
    {
        await using var flux = fichier.Create();
        await new FichesConnexionRenderer().EcrireAsync(gabarit, entete, fiches.ToAsyncEnumerable(), flux);
    }

    private static void Lister(string titre, IReadOnlyList<CompteIgnore> comptes)
    {
        foreach (var compte in comptes)
        {
            AnsiConsole.MarkupLineInterpolated(Libelles.Culture, $"[yellow]{titre} :[/] {compte.NomComplet} ({compte.Identifiant}) — {compte.Raison}");
        }
    }

    private static string Campagne(long? id) => id is { } c ? $" (envoi n° {c})" : "";

    private static ModeleFiche Gabarit(int modele) => modele switch
    {
        1 => ModeleFiche.Detaillee,
        2 => ModeleFiche.DeuxParPage,
        8 => ModeleFiche.Simplifiee,
        var m => throw new ErreurMetier($"Modèle inconnu « {m} » : 1, 2 ou 8."),
    };
}
