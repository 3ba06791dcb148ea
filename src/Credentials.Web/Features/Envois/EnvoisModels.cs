using Credentials.Core.Courriels;
using Credentials.Core.Domain;

namespace Credentials.Web.Features.Envois;

public sealed record EnvoisIndexModel(IReadOnlyList<ResumeCampagne> Campagnes, int Page, bool PageSuivante);

public sealed record CampagneModel(ResumeCampagne Campagne, IReadOnlyList<LigneMessage> Messages, StatutMessage? Statut, int Page, bool PageSuivante, bool PeutRelancer);

/// <summary>L'avancement d'une campagne tel que la page le relit toutes les deux secondes.</summary>
public sealed record ProgressionJson(int Envoyes, int Total, int EnAttente, int EnEchec, int Abandonnes, bool Terminee, string Texte);

/// <summary>Les mots des envois : statuts (avec icône, jamais la couleur seule), types de campagnes, avancement.</summary>
public static class LibellesEnvois
{
    public static string Libelle(this StatutMessage statut) => statut switch
    {
        StatutMessage.EnAttente => "En attente",
        StatutMessage.EnCours => "En cours d'envoi",
        StatutMessage.Envoye => "Envoyé",
        StatutMessage.EnEchec => "En échec, nouvel essai prévu",
        _ => "Abandonné",
    };

    public static (string Classe, string Icone) Badge(this StatutMessage statut) => statut switch
    {
        StatutMessage.Envoye => ("etat-active", "✔"),
        StatutMessage.EnEchec => ("etat-notifie", "⚠"),
        StatutMessage.Abandonne => ("etat-bloque", "✖"),
        _ => ("etat-non-notifie", "◷"),
    };

    public static string Libelle(this TypeCampagne type) => type switch
    {
        TypeCampagne.Notification => "Notification",
        TypeCampagne.Familles => "Envoi aux familles",
        TypeCampagne.Relance => "Relance",
        TypeCampagne.MotDePasseOublie => "Mot de passe oublié (portail)",
        _ => "Publipostage",
    };

    /// <summary>« 120 / 450 courriels envoyés », puis ce qui reste à surveiller.</summary>
    public static string Texte(this ResumeCampagne c)
    {
        var texte = $"{c.Envoyes.ToString("N0", Libelles.Culture)} / {Libelles.Accorder(c.Total, "courriel envoyé", "courriels envoyés")}";
        var details = new List<string>();
        if (c.EnAttente + c.EnCours > 0)
        {
            details.Add(Libelles.Accorder(c.EnAttente + c.EnCours, "en attente", "en attente"));
        }

        if (c.EnEchec > 0)
        {
            details.Add(Libelles.Accorder(c.EnEchec, "en échec (nouvel essai prévu)", "en échec (nouveaux essais prévus)"));
        }

        if (c.Abandonnes > 0)
        {
            details.Add(Libelles.Accorder(c.Abandonnes, "abandonné", "abandonnés"));
        }

        return details.Count == 0 ? texte + (c.Total > 0 ? " — envoi terminé." : ".") : $"{texte} — {string.Join(", ", details)}.";
    }

    /// <summary>Les courriels de la campagne qui ont ce statut (tous si null).</summary>
    public static int Nombre(this ResumeCampagne c, StatutMessage? statut) => statut switch
    {
        null => c.Total,
        StatutMessage.EnAttente => c.EnAttente,
        StatutMessage.EnCours => c.EnCours,
        StatutMessage.Envoye => c.Envoyes,
        StatutMessage.EnEchec => c.EnEchec,
        _ => c.Abandonnes,
    };

    public static ProgressionJson Json(this ResumeCampagne c) =>
        new(c.Envoyes, c.Total, c.EnAttente + c.EnCours, c.EnEchec, c.Abandonnes, c.Terminee, c.Texte());
}
