using System.CommandLine;
using Credentials.Core.Domain;
using Credentials.Core.Utilisateurs;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Credentials.Cli.Verbes;

/// <summary><c>credentials unlock-user --email …</c> : lève le verrouillage d'un utilisateur de la console (la dernière direction d'un établissement, par exemple).</summary>
internal static class VerbeUnlockUser
{
    public static Command Creer()
    {
        var courriel = new Option<string>("--email") { Description = "Adresse de connexion de l'utilisateur.", Required = true };
        var commande = new Command("unlock-user", "Déverrouille un utilisateur de la console après des échecs de connexion répétés.") { courriel };
        commande.SetAction(resultat => Hosting.ExecuterAsync(async services =>
        {
            var adresse = resultat.GetValue(courriel)!.Trim();
            var utilisateur = await services.GetRequiredService<UserManager<Utilisateur>>().FindByEmailAsync(adresse)
                ?? throw new ErreurMetier($"Aucun utilisateur de la console n'a l'adresse « {adresse} ».", CodeErreur.Introuvable);
            await services.GetRequiredService<ConnexionConsole>().DeverrouillerAsync(utilisateur);
            AnsiConsole.MarkupLineInterpolated(Libelles.Culture, $"[green]{adresse}[/] est déverrouillé : il peut se reconnecter avec son mot de passe.");
            return 0;
        }));
        return commande;
    }
}
