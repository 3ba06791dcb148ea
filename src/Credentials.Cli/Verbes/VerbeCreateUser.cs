using System.CommandLine;
using Credentials.Core.Acces;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Credentials.Cli.Verbes;

internal static class VerbeCreateUser
{
    public static Command Creer()
    {
        var courriel = new Option<string>("--email") { Description = "Adresse de connexion de l'utilisateur.", Required = true };
        var role = new Option<RoleConsole>("--role") { Description = "Directeur, Secretaire ou Enseignant.", Required = true };
        var uai = new Option<string>("--uai") { Description = "UAI de l'établissement.", Required = true };
        var classes = new Option<string[]>("--classes") { Description = "Pour un enseignant : ses classes (codes).", AllowMultipleArgumentsPerToken = true };
        var motDePasse = new Option<string?>("--password") { Description = "Mot de passe (sinon un mot de passe est tiré et affiché une fois)." };
        var nom = new Option<string?>("--nom") { Description = "Nom affiché." };
        var commande = new Command("create-user", "Crée un utilisateur de la console, ou ajoute un établissement à un utilisateur existant.")
        {
            courriel, role, uai, classes, motDePasse, nom,
        };
        commande.SetAction(resultat => Hosting.ExecuterAsync(async services =>
        {
            var etablissement = await Hosting.EtablissementAsync(services, resultat.GetValue(uai)!);
            var db = services.GetRequiredService<CredentialsDbContext>();
            var codes = resultat.GetValue(classes) ?? [];
            var roleChoisi = resultat.GetValue(role);
            if (!Autorisations.RolesConsole.Contains(roleChoisi))
            {
                throw new ErreurMetier("--role : Directeur, Secretaire ou Enseignant (l'opérateur est la CLI elle-même, pas un utilisateur).");
            }

            var classesTrouvees = await db.Classes.Where(c => c.EtablissementId == etablissement.Id && codes.Contains(c.Code)).ToListAsync();
            var inconnues = codes.Except(classesTrouvees.Select(c => c.Code)).ToList();
            if (inconnues.Count > 0)
            {
                throw new ErreurMetier($"Classes inconnues dans {etablissement.Uai} : {string.Join(", ", inconnues)}.");
            }

            if (roleChoisi == RoleConsole.Enseignant && classesTrouvees.Count == 0)
            {
                throw new ErreurMetier("Un enseignant doit avoir au moins une classe (--classes 6A 5B).");
            }

            var utilisateurs = services.GetRequiredService<UserManager<Utilisateur>>();
            var adresse = resultat.GetValue(courriel)!.Trim();
            var utilisateur = await utilisateurs.FindByEmailAsync(adresse);
            string? motDePasseTire = null;
            if (utilisateur is null)
            {
                var motDePasseChoisi = resultat.GetValue(motDePasse) ?? (motDePasseTire = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)));
                utilisateur = new Utilisateur { UserName = adresse, Email = adresse, EmailConfirmed = true, NomAffiche = resultat.GetValue(nom) ?? adresse };
                var creation = await utilisateurs.CreateAsync(utilisateur, motDePasseChoisi);
                if (!creation.Succeeded)
                {
                    throw new ErreurMetier(string.Join(" ", creation.Errors.Select(e => e.Description)));
                }
            }

            var affectation = await db.Affectations.Include(a => a.Classes).SingleOrDefaultAsync(a => a.UtilisateurId == utilisateur.Id && a.EtablissementId == etablissement.Id);
            if (affectation is null)
            {
                affectation = new Affectation(utilisateur.Id, etablissement.Id, roleChoisi);
                db.Affectations.Add(affectation);
            }

            affectation.ChangerRole(roleChoisi);
            affectation.Classes.Clear();
            affectation.Classes.AddRange(classesTrouvees.Select(c => new AffectationClasse(c.Id)));
            await db.SaveChangesAsync();
            AnsiConsole.MarkupLineInterpolated(Libelles.Culture, $"[green]{adresse}[/] : {roleChoisi.Libelle()} de {etablissement.Nom} ({etablissement.Uai}){(codes.Length > 0 ? " — classes " + string.Join(", ", codes) : "")}.");
            if (motDePasseTire is not null)
            {
                // Shown once on the operator's terminal, never logged.
                AnsiConsole.MarkupLineInterpolated(Libelles.Culture, $"Mot de passe initial : [bold]{motDePasseTire}[/]");
            }

            return 0;
        }));
        return commande;
    }
}
