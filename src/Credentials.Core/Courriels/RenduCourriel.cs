using System.Text;
using Credentials.Core.Documents;
using Credentials.Core.Domain;
using Credentials.Core.Secrets;

namespace Credentials.Core.Courriels;

/// <summary>Un courriel mis en forme : sujet, texte brut et HTML (UTF-8), et s'il contient un mot de passe.</summary>
public sealed record CourrielCompose(string Sujet, string Texte, string Html, bool ContientSecret)
{
    /// <summary>Le sujet sans le nom de l'établissement : la boîte d'envoi le garde, l'envoi y ajoute le nom du moment.</summary>
    public string Titre { get; init; } = Sujet;
}

/// <summary>Un courriel aux familles : la lettre d'accompagnement et les fiches à joindre.</summary>
public sealed record CourrielFamille(CourrielCompose Courriel, IReadOnlyList<PieceJointeReference> PiecesJointes);

/// <summary>
/// Met en forme les courriels de notification avec les mots de la lettre (<see cref="TextesCourrier"/> :
/// salutation, à quoi sert le compte, identifiant et mot de passe provisoire, validité, étapes d'activation,
/// récupération par courriel, contact, signature) et la lettre d'accompagnement des envois aux familles.
/// Pur : une fiche en entrée, du texte en sortie ; l'envoi et le journal se font ailleurs.
/// </summary>
public static class RenduCourriel
{
    private const char Nbsp = '\u00A0';

    private const string Confidentialite = "Ce message contient des informations de connexion personnelles\u00A0: ne le transférez pas.";

    /// <summary>
    /// Le courriel d'un compte : identifiants (avec mot de passe, ou avec un lien d'activation à usage unique
    /// <paramref name="lien"/> et alors sans mot de passe) ou rappel (compte activé, sans mot de passe).
    /// </summary>
    public static CourrielCompose Notification(EnTeteEtablissement etablissement, FicheCompte fiche, LienEnvoye? lien = null, TextesLangue? langue = null)
    {
        var variante = fiche.Variante == VarianteFiche.Identifiants && fiche.MotDePasse is not null ? VarianteFiche.Identifiants : VarianteFiche.Rappel;
        var blocs = new List<Bloc>
        {
            new Paragraphe(TextesCourrier.Salutation(fiche)),
            new Paragraphe(TextesCourrier.Introduction(etablissement, variante) + (fiche.Enfants.Count > 0 ? $" Ce compte est le vôtre en tant que {TextesCourrier.EnfantsDe(fiche)}." : "")),
            new Paragraphe(TextesCourrier.AQuoiSertLeCompte(etablissement, fiche.Profil)),
        };
        if (variante == VarianteFiche.Identifiants && lien is not null)
        {
            blocs.AddRange(BlocsLienActivation(fiche, lien));
            blocs.AddRange(Traduction(langue, l => l.Activation(fiche.Identifiant, lien.Url, Libelles.Date(lien.ExpireLe))));
            blocs.AddRange(Fin(etablissement));
            return Composer("Activez votre compte", etablissement.Nom, blocs, contientSecret: true);
        }

        if (variante == VarianteFiche.Identifiants)
        {
            blocs.Add(new Encadre([("Identifiant", fiche.Identifiant), ("Mot de passe provisoire", FormatSecret.PourAffichage(fiche.MotDePasse!))]));
            var validite = TextesCourrier.Validite(fiche.MotDePasseExpireLe);
            blocs.Add(new Paragraphe((validite.Length > 0 ? $"Mot de passe {validite}. " : "") + TextesCourrier.AideSaisie));
            blocs.Add(new Intertitre(TextesCourrier.TitreEtapes(variante)));
            // The letter's first step also offers its QR code, which an e-mail does not carry.
            blocs.Add(new Liste(
                TextesCourrier.Etapes(variante).Skip(1).Select(e => new Element(e)).Prepend(new Element($"Ouvrez cette adresse dans un navigateur{Nbsp}:", LienPortail.Activation(etablissement.PortailUrl, fiche.Identifiant))).ToList(),
                Numerotee: true));
        }
        else
        {
            blocs.Add(new Encadre([("Identifiant", fiche.Identifiant)]));
            blocs.Add(new Paragraphe($"Portail de connexion{Nbsp}:"));
            blocs.Add(new Lien(etablissement.PortailUrl));
            blocs.Add(new Intertitre(TextesCourrier.TitreEtapes(variante)));
            blocs.Add(new Liste(TextesCourrier.Etapes(variante).Select(e => new Element(e)).ToList(), Numerotee: false));
            blocs.Add(new Paragraphe(TextesCourrier.Conseil(variante)));
        }

        blocs.AddRange(Traduction(langue, l => variante == VarianteFiche.Identifiants
            ? l.Identifiants(fiche.Identifiant, LienPortail.Activation(etablissement.PortailUrl, fiche.Identifiant))
            : l.Rappel(fiche.Identifiant, etablissement.PortailUrl)));
        blocs.AddRange(Fin(etablissement));
        return Composer(TextesCourrier.Titre(variante), etablissement.Nom, blocs, contientSecret: variante == VarianteFiche.Identifiants);
    }

    /// <summary>
    /// La relance d'un ou de plusieurs comptes pas encore activés qui partagent une adresse (une famille reçoit
    /// un seul courriel) : pour chacun, son identifiant et son lien d'activation, ou son mot de passe provisoire.
    /// </summary>
    public static CourrielCompose Relance(EnTeteEtablissement etablissement, IReadOnlyList<(FicheCompte Fiche, LienEnvoye? Lien)> comptes, TextesLangue? langue = null)
    {
        var blocs = new List<Bloc>
        {
            new Paragraphe(comptes.Count == 1 ? TextesCourrier.Salutation(comptes[0].Fiche) : "Madame, Monsieur,"),
            new Paragraphe(comptes.Count == 1
                ? $"Le compte ci-dessous, ouvert par votre établissement, {etablissement.Nom}, n'est pas encore activé. Il ne faut que quelques minutes."
                : $"Les comptes ci-dessous, ouverts par votre établissement, {etablissement.Nom}, ne sont pas encore activés. Il ne faut que quelques minutes pour chacun."),
        };
        foreach (var (fiche, lien) in comptes)
        {
            if (comptes.Count > 1)
            {
                blocs.Add(new Intertitre(AvecClasse(fiche.NomComplet, fiche)));
            }

            if (lien is not null)
            {
                blocs.AddRange(BlocsLienActivation(fiche, lien));
            }
            else
            {
                blocs.Add(new Encadre([("Identifiant", fiche.Identifiant), ("Mot de passe provisoire", FormatSecret.PourAffichage(fiche.MotDePasse ?? ""))]));
                blocs.Add(new Paragraphe($"Saisissez-les à cette adresse, puis choisissez votre mot de passe{Nbsp}:"));
                blocs.Add(new Lien(LienPortail.Activation(etablissement.PortailUrl, fiche.Identifiant)));
            }

            blocs.AddRange(Traduction(langue, l => lien is not null
                ? l.Activation(fiche.Identifiant, lien.Url, Libelles.Date(lien.ExpireLe))
                : l.Identifiants(fiche.Identifiant, LienPortail.Activation(etablissement.PortailUrl, fiche.Identifiant))));
        }

        blocs.AddRange(Fin(etablissement));
        var titre = comptes.Count == 1 ? $"Rappel{Nbsp}: activez votre compte" : $"Rappel{Nbsp}: activez vos comptes";
        return Composer(titre, etablissement.Nom, blocs, contientSecret: true);
    }

    /// <summary>Le lien « choisir un nouveau mot de passe » demandé sur le portail, envoyé à l'adresse du titulaire.</summary>
    public static CourrielCompose NouveauMotDePasse(EnTeteEtablissement etablissement, FicheCompte fiche, LienEnvoye lien)
    {
        var blocs = new List<Bloc>
        {
            new Paragraphe(TextesCourrier.Salutation(fiche)),
            new Paragraphe($"Vous avez demandé sur le portail de choisir un nouveau mot de passe pour votre compte{Nbsp}:"),
            new Encadre([("Identifiant", fiche.Identifiant)]),
            new Paragraphe($"Ouvrez ce lien et choisissez votre nouveau mot de passe. Il ne sert qu'une fois et jusqu'au {Libelles.DateHeure(lien.ExpireLe)}{Nbsp}:"),
            new Lien(lien.Url),
            new Paragraphe("Si vous n'avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable."),
        };
        blocs.AddRange(Fin(etablissement));
        return Composer("Choisir un nouveau mot de passe", etablissement.Nom, blocs, contientSecret: true);
    }

    /// <summary>Un nom suivi de la classe de la fiche, si elle en a une (« Zoé LEFÈVRE, classe 6A »).</summary>
    private static string AvecClasse(string nom, FicheCompte fiche) => fiche.Classe is { } classe ? $"{nom}, classe {classe}" : nom;

    private static IEnumerable<Bloc> BlocsLienActivation(FicheCompte fiche, LienEnvoye lien)
    {
        yield return new Encadre([("Identifiant", fiche.Identifiant)]);
        yield return new Paragraphe($"Pour activer le compte, ouvrez ce lien et choisissez un mot de passe. Il ne sert qu'une fois et jusqu'au {Libelles.Date(lien.ExpireLe)}{Nbsp}:");
        yield return new Lien(lien.Url);
        yield return new Paragraphe($"Aucun mot de passe n'est envoyé par courriel. Si le lien a expiré ou a déjà servi, demandez à l'établissement une nouvelle notification, ou utilisez le courrier papier qu'il vous a remis.");
    }

    /// <summary>Le même texte dans la langue de la famille, après le français.</summary>
    private static IEnumerable<Bloc> Traduction(TextesLangue? langue, Func<TextesLangue, IReadOnlyList<string>> paragraphes)
    {
        if (langue is null)
        {
            yield break;
        }

        yield return new Intertitre($"{langue.Nom} – {langue.NomFrancais}");
        foreach (var paragraphe in paragraphes(langue))
        {
            yield return new Paragraphe(paragraphe);
        }
    }

    /// <summary>
    /// L'envoi aux familles en mode « lien » : un seul courriel, sans pièce jointe ni mot de passe, qui donne
    /// pour le compte du responsable puis pour chacun de ses enfants l'identifiant et, si le compte n'est pas
    /// encore activé, son lien d'activation à usage unique.
    /// </summary>
    public static CourrielCompose FamilleParLiens(EnTeteEtablissement etablissement, IReadOnlyList<(FicheCompte Fiche, LienEnvoye? Lien)> comptes, TextesLangue? langue = null)
    {
        var responsable = comptes[0].Fiche;
        var blocs = new List<Bloc>
        {
            new Paragraphe(TextesCourrier.Salutation(responsable)),
            new Paragraphe($"Votre établissement, {etablissement.Nom}, met à la disposition de votre famille des comptes personnels pour ses services en ligne. {TextesCourrier.AQuoiSertLeCompte(etablissement, Profil.Responsable)}"),
        };
        foreach (var (fiche, lien) in comptes)
        {
            blocs.Add(new Intertitre(fiche == responsable ? "Votre compte" : AvecClasse(fiche.NomComplet, fiche)));
            if (lien is not null)
            {
                blocs.AddRange(BlocsLienActivation(fiche, lien));
            }
            else
            {
                blocs.Add(new Encadre([("Identifiant", fiche.Identifiant)]));
                blocs.Add(new Paragraphe($"Ce compte est déjà activé{Nbsp}: on s'y connecte avec le mot de passe choisi à l'activation."));
            }

            blocs.AddRange(Traduction(langue, l => lien is not null
                ? l.Activation(fiche.Identifiant, lien.Url, Libelles.Date(lien.ExpireLe))
                : l.Rappel(fiche.Identifiant, etablissement.PortailUrl)));
        }

        blocs.Add(new Paragraphe($"Portail de connexion{Nbsp}:"));
        blocs.Add(new Lien(etablissement.PortailUrl));
        blocs.AddRange(Fin(etablissement));
        return Composer("Les comptes de votre famille", etablissement.Nom, blocs, contientSecret: comptes.Any(c => c.Lien is not null));
    }

    /// <summary>La lettre d'accompagnement d'un responsable et les fiches jointes : la sienne puis celles de ses enfants.</summary>
    public static CourrielFamille Famille(EnTeteEtablissement etablissement, FicheCompte responsable, IReadOnlyList<FicheCompte> enfants)
    {
        var noms = new NomsUniques();
        var pieces = new List<PieceJointeReference>();
        var liste = new List<Element>();
        foreach (var fiche in enfants.Prepend(responsable))
        {
            var nom = noms.Reserver(NomsFichiers.FicheIndividuelle(fiche));
            pieces.Add(new PieceJointeReference(fiche.CompteId, nom, fiche.Variante));
            var description = Path.GetFileNameWithoutExtension(nom);
            liste.Add(new Element(fiche == responsable ? $"{description} (votre compte)" : AvecClasse(description, fiche)));
        }

        var blocs = new List<Bloc>
        {
            new Paragraphe(TextesCourrier.Salutation(responsable)),
            new Paragraphe($"Votre établissement, {etablissement.Nom}, met à la disposition de votre famille des comptes personnels pour ses services en ligne. {TextesCourrier.AQuoiSertLeCompte(etablissement, Profil.Responsable)}"),
            new Paragraphe($"Vous trouverez en pièces jointes les fiches de connexion suivantes{Nbsp}:"),
            new Liste(liste, Numerotee: false),
            new Paragraphe($"Chaque fiche indique l'identifiant du compte et, s'il n'est pas encore activé, son mot de passe provisoire, à saisir sur le portail{Nbsp}:"),
            new Lien(etablissement.PortailUrl),
            new Paragraphe("À la première connexion, chacun remplace le mot de passe provisoire par un mot de passe de son choix. Une adresse électronique indiquée lors de l'activation permet ensuite de retrouver seul son identifiant ou de choisir un nouveau mot de passe."),
        };
        blocs.AddRange(Fin(etablissement));
        return new CourrielFamille(Composer("Les fiches de connexion de votre famille", etablissement.Nom, blocs, contientSecret: false), pieces);
    }

    private static IEnumerable<Bloc> Fin(EnTeteEtablissement etablissement)
    {
        yield return new Paragraphe(TextesCourrier.Contact(etablissement));
        yield return new Signature(string.IsNullOrWhiteSpace(etablissement.NomChef)
            ? [TextesCourrier.Signataire, etablissement.Nom]
            : [etablissement.NomChef.Trim(), TextesCourrier.Signataire, etablissement.Nom]);
        yield return new Note(Confidentialite);
        yield return new Note(TextesCourrier.DonneesPersonnelles(etablissement));
    }

    /// <summary>« Titre – Établissement » : calculé à l'envoi avec le nom du moment (un nom corrigé vaut aussi pour la file).</summary>
    public static string Sujet(string titre, string nomEtablissement) => $"{titre} – {nomEtablissement}";

    private static CourrielCompose Composer(string titre, string nomEtablissement, IReadOnlyList<Bloc> blocs, bool contientSecret)
    {
        var sujet = Sujet(titre, nomEtablissement);
        var texte = new StringBuilder();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(Html(sujet)).Append("</title>\n</head>\n")
            .Append("<body style=\"font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a; max-width: 640px;\">\n");
        foreach (var bloc in blocs)
        {
            bloc.Ecrire(texte, html);
        }

        html.Append("</body>\n</html>\n");
        return new CourrielCompose(sujet, texte.ToString().TrimEnd() + "\n", html.ToString(), contientSecret) { Titre = titre };
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

    private sealed record Intertitre(string Contenu) : Bloc
    {
        public override void Ecrire(StringBuilder texte, StringBuilder html)
        {
            texte.Append(Contenu).Append("\n\n");
            html.Append("<h2 style=\"font-size: 16px; margin: 20px 0 8px;\">").Append(Html(Contenu)).Append("</h2>\n");
        }
    }

    private sealed record Lien(string Url) : Bloc
    {
        /// <summary>The portal address comes from the school's settings: only web addresses become links.</summary>
        public static string Balise(string url) =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                ? $"<a href=\"{Html(url)}\">{Html(url)}</a>"
                : Html(url);

        public override void Ecrire(StringBuilder texte, StringBuilder html)
        {
            texte.Append(Url).Append("\n\n");
            html.Append("<p>").Append(Balise(Url)).Append("</p>\n");
        }
    }

    private sealed record Encadre(IReadOnlyList<(string Libelle, string Valeur)> Lignes) : Bloc
    {
        public override void Ecrire(StringBuilder texte, StringBuilder html)
        {
            html.Append("<table role=\"presentation\" style=\"border: 2px solid #1a1a1a; border-collapse: collapse; margin: 16px 0;\">\n");
            foreach (var (libelle, valeur) in Lignes)
            {
                texte.Append("    ").Append(libelle).Append(Nbsp).Append(": ").Append(valeur).Append('\n');
                html.Append("<tr><th scope=\"row\" style=\"text-align: left; padding: 8px 16px;\">").Append(Html(libelle))
                    .Append("</th><td style=\"padding: 8px 16px; font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 17px; letter-spacing: 1px;\">")
                    .Append(Html(valeur)).Append("</td></tr>\n");
            }

            texte.Append('\n');
            html.Append("</table>\n");
        }
    }

    private sealed record Element(string Texte, string? Lien = null);

    private sealed record Liste(IReadOnlyList<Element> Elements, bool Numerotee) : Bloc
    {
        public override void Ecrire(StringBuilder texte, StringBuilder html)
        {
            var balise = Numerotee ? "ol" : "ul";
            html.Append('<').Append(balise).Append(">\n");
            for (var i = 0; i < Elements.Count; i++)
            {
                var (contenu, lien) = Elements[i];
                texte.Append(Numerotee ? $"  {i + 1}. " : "  - ").Append(contenu).Append('\n');
                html.Append("<li>").Append(Html(contenu));
                if (lien is not null)
                {
                    texte.Append("     ").Append(lien).Append('\n');
                    html.Append("<br>\n").Append(Lien.Balise(lien));
                }

                html.Append("</li>\n");
            }

            texte.Append('\n');
            html.Append("</").Append(balise).Append(">\n");
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
