using System.Globalization;
using System.Text;
using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Credentials.Core.Secrets;

namespace Credentials.Core.Courriels;

/// <summary>Un courriel mis en forme : sujet, texte brut et HTML (UTF-8), et s'il contient un mot de passe.</summary>
public sealed record CourrielCompose(string Sujet, string Texte, string Html, bool ContientSecret);

/// <summary>Un courriel aux familles : la lettre d'accompagnement et les fiches à joindre.</summary>
public sealed record CourrielFamille(CourrielCompose Courriel, IReadOnlyList<PieceJointeReference> PiecesJointes);

/// <summary>
/// Met en forme les courriels de notification (mêmes points que la lettre : identifiant, mot de passe
/// provisoire, validité, portail, changement à la première connexion, récupération par courriel,
/// signature, contact) et la lettre d'accompagnement des envois aux familles. Pur : une fiche en
/// entrée, du texte en sortie ; l'envoi et le journal se font ailleurs.
/// </summary>
public static class RenduCourriel
{
    public const string TexteCourrierParDefaut =
        "Ce compte vous donne accès aux services en ligne de l'établissement : emploi du temps, cahier de textes, notes, messagerie et ressources numériques.";

    public const string TexteContactParDefaut = "le secrétariat de l'établissement";

    private const string Confidentialite = "Ce message contient des informations de connexion personnelles : ne le transférez pas.";

    /// <summary>Le courriel d'un compte : identifiants (avec mot de passe) ou rappel (compte activé, sans mot de passe).</summary>
    public static CourrielCompose Notification(EnTeteEtablissement etablissement, FicheCompte fiche) =>
        fiche.Variante == VarianteFiche.Identifiants && fiche.MotDePasse is not null
            ? Identifiants(etablissement, fiche)
            : Rappel(etablissement, fiche);

    /// <summary>La lettre d'accompagnement d'un responsable et les fiches jointes : la sienne puis celles de ses enfants.</summary>
    public static CourrielFamille Famille(EnTeteEtablissement etablissement, FicheCompte responsable, IReadOnlyList<FicheCompte> enfants)
    {
        var noms = new NomsUniques();
        var pieces = new List<PieceJointeReference>();
        var liste = new List<string>();
        foreach (var fiche in enfants.Prepend(responsable))
        {
            var nom = noms.Reserver(NomsFichiers.FicheIndividuelle(fiche));
            pieces.Add(new PieceJointeReference(fiche.CompteId, nom, fiche.Variante));
            var description = Path.GetFileNameWithoutExtension(nom);
            liste.Add(fiche == responsable ? $"{description} (votre compte)" : fiche.Classe is { } classe ? $"{description}, classe {classe}" : description);
        }

        var sujet = $"{etablissement.Nom} : les fiches de connexion de votre famille";
        var blocs = new List<Bloc>
        {
            new Paragraphe($"Bonjour {responsable.NomComplet},"),
            new Paragraphe($"{etablissement.Nom} met à la disposition de votre famille des comptes sur ses services en ligne. {etablissement.TexteCourrier ?? TexteCourrierParDefaut}"),
            new Paragraphe("Vous trouverez en pièces jointes les fiches de connexion suivantes :"),
            new Liste(liste),
            new Paragraphe("Chaque fiche indique l'identifiant du compte et, s'il n'est pas encore activé, son mot de passe provisoire, à saisir sur le portail d'activation :"),
            new Lien(etablissement.PortailUrl),
            new Paragraphe("À la première connexion, chacun remplace le mot de passe provisoire par un mot de passe de son choix. Une adresse électronique indiquée lors de l'activation permet ensuite de retrouver seul un mot de passe perdu."),
        };
        blocs.AddRange(Fin(etablissement));
        return new CourrielFamille(Composer(sujet, blocs, contientSecret: false), pieces);
    }

    private static CourrielCompose Identifiants(EnTeteEtablissement etablissement, FicheCompte fiche)
    {
        var blocs = new List<Bloc>
        {
            new Paragraphe($"Bonjour {fiche.NomComplet},"),
            new Paragraphe($"{etablissement.Nom} met à votre disposition un compte sur ses services en ligne. {etablissement.TexteCourrier ?? TexteCourrierParDefaut}"),
            new Paragraphe("Pour l'activer, rendez-vous sur le portail d'activation :"),
            new Lien(LienPortail.Activation(etablissement.PortailUrl, fiche.Identifiant)),
            new Encadre([("Identifiant", fiche.Identifiant), ("Mot de passe provisoire", FormatSecret.PourAffichage(fiche.MotDePasse!))]),
        };
        var validite = fiche.MotDePasseExpireLe is { } fin
            ? $"Ce mot de passe provisoire est valable jusqu'au {Date(fin)}. "
            : "";
        blocs.Add(new Paragraphe(validite + "Il se saisit avec ou sans l'espace, en majuscules ou en minuscules."));
        blocs.Add(new Paragraphe("À la première connexion, vous devrez le remplacer par un mot de passe de votre choix. Si vous indiquez alors une adresse électronique, vous pourrez ensuite retrouver seul un mot de passe perdu."));
        blocs.AddRange(Fin(etablissement));
        return Composer($"{etablissement.Nom} : vos identifiants de connexion", blocs, contientSecret: true);
    }

    private static CourrielCompose Rappel(EnTeteEtablissement etablissement, FicheCompte fiche)
    {
        var contact = etablissement.TexteContact ?? TexteContactParDefaut;
        var blocs = new List<Bloc>
        {
            new Paragraphe($"Bonjour {fiche.NomComplet},"),
            new Paragraphe($"Votre compte sur les services en ligne de {etablissement.Nom} est déjà activé : ce message vous rappelle comment vous connecter."),
            new Encadre([("Identifiant", fiche.Identifiant)]),
            new Paragraphe("Connectez-vous sur le portail avec le mot de passe que vous avez choisi lors de l'activation :"),
            new Lien(etablissement.PortailUrl),
            new Paragraphe($"Mot de passe oublié ? Si vous avez indiqué une adresse électronique lors de l'activation, utilisez le lien « Mot de passe oublié » du portail. Sinon, demandez un code de renouvellement à {contact} : il vous permettra de choisir un nouveau mot de passe."),
        };
        blocs.AddRange(Fin(etablissement));
        return Composer($"{etablissement.Nom} : rappel de votre identifiant de connexion", blocs, contientSecret: false);
    }

    private static IEnumerable<Bloc> Fin(EnTeteEtablissement etablissement)
    {
        yield return new Paragraphe($"En cas de difficulté, contactez {etablissement.TexteContact ?? TexteContactParDefaut}.");
        yield return new Signature(etablissement.NomChef is { } chef ? [chef, etablissement.Nom] : [etablissement.Nom]);
        yield return new Note(Confidentialite);
    }

    private static string Date(DateTime instant) => instant.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static CourrielCompose Composer(string sujet, IReadOnlyList<Bloc> blocs, bool contientSecret)
    {
        var texte = new StringBuilder();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(Html(sujet)).Append("</title>\n</head>\n")
            .Append("<body style=\"font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a; max-width: 640px;\">\n");
        foreach (var bloc in blocs)
        {
            bloc.Ecrire(texte, html);
        }

        html.Append("</body>\n</html>\n");
        return new CourrielCompose(sujet, texte.ToString().TrimEnd() + "\n", html.ToString(), contientSecret);
    }

    /// <summary>Échappe le texte pour HTML (contenu et attributs) sans toucher aux lettres accentuées.</summary>
    public static string Html(string texte)
    {
        var sb = new StringBuilder(texte.Length + 16);
        foreach (var c in texte)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    private static string HtmlMultiligne(string texte) => Html(texte.ReplaceLineEndings("\n")).Replace("\n", "<br>\n", StringComparison.Ordinal);

    private abstract record Bloc
    {
        public abstract void Ecrire(StringBuilder texte, StringBuilder html);
    }

    private sealed record Paragraphe(string Contenu) : Bloc
    {
        public override void Ecrire(StringBuilder texte, StringBuilder html)
        {
            texte.Append(Contenu.ReplaceLineEndings("\n")).Append("\n\n");
            html.Append("<p>").Append(HtmlMultiligne(Contenu)).Append("</p>\n");
        }
    }

    private sealed record Lien(string Url) : Bloc
    {
        public override void Ecrire(StringBuilder texte, StringBuilder html)
        {
            texte.Append(Url).Append("\n\n");
            // The portal address comes from the school's settings: only web addresses become links.
            var cliquable = Uri.TryCreate(Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
            html.Append("<p>").Append(cliquable ? $"<a href=\"{Html(Url)}\">{Html(Url)}</a>" : Html(Url)).Append("</p>\n");
        }
    }

    private sealed record Encadre(IReadOnlyList<(string Libelle, string Valeur)> Lignes) : Bloc
    {
        public override void Ecrire(StringBuilder texte, StringBuilder html)
        {
            html.Append("<table role=\"presentation\" style=\"border: 2px solid #1a1a1a; border-collapse: collapse; margin: 16px 0;\">\n");
            foreach (var (libelle, valeur) in Lignes)
            {
                texte.Append("    ").Append(libelle).Append(" : ").Append(valeur).Append('\n');
                html.Append("<tr><th scope=\"row\" style=\"text-align: left; padding: 8px 16px;\">").Append(Html(libelle))
                    .Append("</th><td style=\"padding: 8px 16px; font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 17px; letter-spacing: 1px;\">")
                    .Append(Html(valeur)).Append("</td></tr>\n");
            }

            texte.Append('\n');
            html.Append("</table>\n");
        }
    }

    private sealed record Liste(IReadOnlyList<string> Elements) : Bloc
    {
        public override void Ecrire(StringBuilder texte, StringBuilder html)
        {
            html.Append("<ul>\n");
            foreach (var element in Elements)
            {
                texte.Append("  - ").Append(element).Append('\n');
                html.Append("<li>").Append(Html(element)).Append("</li>\n");
            }

            texte.Append('\n');
            html.Append("</ul>\n");
        }
    }

    private sealed record Signature(IReadOnlyList<string> Lignes) : Bloc
    {
        public override void Ecrire(StringBuilder texte, StringBuilder html)
        {
            texte.AppendJoin('\n', Lignes).Append("\n\n");
            html.Append("<p>").AppendJoin("<br>\n", Lignes.Select(Html)).Append("</p>\n");
        }
    }

    private sealed record Note(string Contenu) : Bloc
    {
        public override void Ecrire(StringBuilder texte, StringBuilder html)
        {
            texte.Append("-- \n").Append(Contenu).Append('\n');
            html.Append("<p style=\"font-size: 12px; color: #555555;\">").Append(Html(Contenu)).Append("</p>\n");
        }
    }
}
