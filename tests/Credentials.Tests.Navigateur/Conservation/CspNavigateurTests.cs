using System.Text.RegularExpressions;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Secrets;
using Credentials.Tests.Constructeurs;
using Credentials.Tests.Infrastructure;
using Credentials.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Credentials.Tests.Portail.PortailDeTest;

namespace Credentials.Tests.Conservation;

/// <summary>
/// Nothing served from elsewhere: Chromium walks every console page a director can reach by links (and the
/// confirmation and portal pages reached by forms) and fails on any Content-Security-Policy violation, any console
/// error, any request to another host, and any HTML response without the strict policy.
/// </summary>
public sealed partial class CspNavigateurTests
{
    private const string Directrice = "directrice@college.test";

    [Fact]
    public async Task Aucune_page_de_la_console_ni_du_portail_ne_viole_la_politique_de_securite_ni_n_appelle_un_autre_hote()
    {
        await using var serveur = await ServeurReel.DemarrerAsync(services: s => Remplacer(s, null, new HacheurPbkdf2(1_000)));
        var etablissement = (await serveur.Application.CreerEtablissementAsync("0999999Z", 40)).Etablissement;
        await serveur.Application.CreerAsync(Directrice, RoleConsole.Directeur, etablissement.Id);
        var remis = await NotifierUnCompteAsync(serveur.Application, etablissement.Id);
        long manuel;
        await using (var scope = serveur.Application.Portee())
        {
            var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
            var compte = new CompteBuilder().Dans(await db.Etablissements.SingleAsync()).Invite().Nomme("INVITE", "Ines").Identifiant("ines.invite").CreeALaMain().CreeLe(DateTime.UtcNow).Construire();
            db.Comptes.Add(compte);
            await db.SaveChangesAsync();
            manuel = compte.Id;
        }

        await using var navigateur = await Navigateur.LancerAsync();
        var page = await navigateur.NouvellePageAsync();
        var hote = serveur.Adresse.Authority;
        var fautes = new List<string>();
        var visitees = new List<string>();
        await page.AddInitScriptAsync("window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                fautes.Add($"{page.Url}: console error {message.Text}");
            }
        };
        page.Request += (_, requete) =>
        {
            var uri = new Uri(requete.Url);
            if (uri.Scheme is "http" or "https" && uri.Authority != hote)
            {
                fautes.Add($"{page.Url}: request to {requete.Url}");
            }
        };
        page.Response += (_, reponse) =>
        {
            if (reponse.Status >= 400)
            {
                fautes.Add($"{page.Url}: {reponse.Status} for {reponse.Url}");
            }

            if (reponse.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal))
            {
                var politique = reponse.Headers.GetValueOrDefault("content-security-policy") ?? "";
                var scripts = Regex.Match(politique, "script-src[^;]*").Value;
                if (!politique.Contains("default-src 'self'", StringComparison.Ordinal) || scripts.Length == 0 || scripts.Contains("unsafe", StringComparison.Ordinal))
                {
                    fautes.Add($"{reponse.Url}: Content-Security-Policy « {politique} »");
                }
            }
        };

        async Task VisiterAsync(string? chemin = null)
        {
            if (chemin is not null)
            {
                await page.GotoAsync(serveur.Url(chemin));
            }

            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            visitees.Add(new Uri(page.Url).PathAndQuery);
            var violations = await page.EvaluateAsync<string[]>("window.__violations");
            fautes.AddRange(violations.Select(v => $"{page.Url}: CSP violation {v}"));
        }

        // The portal, anonymous: every page, then the activation by form up to « Mon compte ».
        foreach (var chemin in new[] { "/portail", "/portail/connexion", "/portail/renouvellement", "/portail/donnees-personnelles?uai=0999999Z", "/compte/connexion" })
        {
            await VisiterAsync(chemin);
        }

        await VisiterAsync($"/portail/activation?identifiant={Uri.EscapeDataString(remis.Identifiant)}");
        var portail = new PagePortail(page);
        await portail.SaisirLeProvisoireAsync(CommeTape(remis.MotDePasse));
        await VisiterAsync();
        await portail.ChoisirAsync(MotDePasseChoisi);
        await portail.ActiverAsync();
        await portail.SeConnecterAsync(MotDePasseChoisi);
        await VisiterAsync();

        // The console: sign in, then every page reachable by a link (one page per route shape), then a confirmation page.
        await VisiterAsync("/compte/connexion");
        await new PageConnexion(page).ConnecterAsync(Directrice);
        var vues = new HashSet<string>();
        var file = new Queue<string>(["/", "/parametres", "/parametres/utilisateurs", "/journal", "/compte/mot-de-passe", "/comptes/nouveau", $"/comptes/{manuel}/effacer"]);
        while (file.TryDequeue(out var chemin))
        {
            if (!vues.Add(Forme(chemin)))
            {
                continue;
            }

            await VisiterAsync(chemin);
            var liens = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('a[href]')].map(a => a.href)");
            foreach (var lien in liens.Select(l => new Uri(l)).Where(u => u.Authority == hote && u.Scheme.StartsWith("http", StringComparison.Ordinal)))
            {
                var suivant = lien.PathAndQuery;
                if (!Regex.IsMatch(lien.AbsolutePath, @"(\.csv|\.pdf|/progression|/deconnexion)$") && !vues.Contains(Forme(suivant)))
                {
                    file.Enqueue(suivant);
                }
            }
        }

        await VisiterAsync("/eleves");
        await new PageComptes(page).RenotifierTousLesResultatsAsync();
        await page.AttendreUrlAsync("**/eleves/preparer");
        await VisiterAsync();

        Assert.True(fautes.Count == 0, string.Join("\n", fautes));
        foreach (var attendue in new[] { "/eleves", "/responsables", "/statistiques", "/publipostage", "/envois", "/imports", "/parametres", "/journal", "/portail/mon-compte", "/portail/donnees-personnelles", "/comptes/#/donnees", "/comptes/#/effacer", "/parametres/utilisateurs" })
        {
            Assert.Contains(attendue, visitees.Select(Forme).Select(f => f.Split('?')[0]));
        }
    }

    /// <summary>A route's shape: numbers replaced by #, query values dropped (one visit per kind of page).</summary>
    private static string Forme(string cheminEtRequete)
    {
        var uri = new Uri(new Uri("http://x"), cheminEtRequete);
        var chemin = Nombre().Replace(uri.AbsolutePath, "/#");
        var cles = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]).Distinct().Order();
        return chemin + (uri.Query.Length > 1 ? "?" + string.Join('&', cles) : "");
    }

    [GeneratedRegex("/[0-9]+")]
    private static partial Regex Nombre();
}
