using Credentials.Core.Documents;
using Credentials.Core.Documents.Pdf;
using Credentials.Core.Domain;
using PdfSharp.Drawing;

namespace Credentials.Core.Conservation;

/// <summary>
/// Les données d'une personne sur une page A4 lisible : identité, compte, liens, puis les derniers événements et
/// courriels (le fichier JSON les contient tous). Aucun secret : le modèle n'en porte pas.
/// </summary>
public static class DonneesPersonnePdfRenderer
{
    private const double Marge = 50;
    private const double Largeur = DocumentPdf.LargeurA4 - (2 * Marge);
    private const double Bas = DocumentPdf.HauteurA4 - 60;

    public static void Ecrire(DonneesPersonne d, Stream sortie)
    {
        var e = d.Etablissement;
        var document = DocumentPdf.Creer($"Données personnelles – {d.Identite.Prenom} {d.Identite.Nom}", new EnTeteEtablissement(e.Uai, e.Nom, null, null, "", null, null));
        using (var gfx = XGraphics.FromPdfPage(DocumentPdf.NouvellePage(document)))
        {
            var y = 60.0;
            void Ligne(string texte, XFont police, double avant = 0)
            {
                y += avant;
                foreach (var morceau in Texte.Couper(gfx, texte, police, Largeur))
                {
                    if (y > Bas)
                    {
                        return;
                    }

                    gfx.DrawString(morceau, police, Texte.Encre, Marge, y);
                    y += police.Size * 1.35;
                }
            }

            var titre = PolicesPdf.Texte(15, gras: true);
            var section = PolicesPdf.Texte(11, gras: true);
            var corps = PolicesPdf.Texte(9);
            var c = d.Compte;
            Ligne($"Données personnelles de {d.Identite.Prenom} {d.Identite.Nom}", titre);
            Ligne($"{e.Nom} ({e.Uai}) – extrait du {Libelles.DateHeure(d.ExporteLe)}. Aucun mot de passe n'est conservé en clair ni communiqué.", corps);
            Ligne("Identité", section, 8);
            Ligne($"{d.Identite.Profil} · {d.Identite.Civilite} {d.Identite.Prenom} {d.Identite.Nom} · né(e) le {d.Identite.DateNaissance?.ToString("dd/MM/yyyy", Libelles.Culture) ?? "—"} · courriel : {d.Identite.Courriel ?? "—"} · INE : {d.Identite.Ine ?? "—"}", corps);
            Ligne($"Classe : {d.Scolarite.Classe ?? "—"} · formation : {d.Scolarite.LibelleMef ?? d.Scolarite.CodeMef ?? "—"}{(d.Scolarite.Externe ? $" · rattaché(e) à {d.Scolarite.EtablissementRattachement}" : "")}", corps);
            Ligne("Compte", section, 8);
            Ligne($"Identifiant {c.Identifiant} · {c.Origine} · {c.Etat}{(c.Bloque ? $" · {(Libelles.Inaccessibilite(c.BloqueLe, c.BloquePar, c.MotifBlocage, c.DateSortie) is { Length: > 0 } raison ? raison : "bloqué")}" : "")} · mot de passe provisoire en cours : {(c.MotDePasseProvisoireEnCours ? "oui" : "non")}", corps);
            Ligne($"Créé le {Libelles.Date(c.DateCreation)} · notifié : {Libelles.DateHeure(c.DateNotification)} · activé : {Libelles.DateHeure(c.DateActivation)} · dernière connexion : {Libelles.DateHeure(c.DateDerniereConnexion)} · sortie : {Libelles.Date(c.DateSortie)}", corps);
            Ligne($"Liens ({d.Liens.Count})", section, 8);
            foreach (var l in d.Liens)
            {
                Ligne($"{(l.Role == "enfant" ? "Enfant" : "Responsable")} : {l.Prenom} {l.Nom} ({l.Identifiant}), {l.Lien}{(l.RangLegal > 0 ? $", responsable légal {l.RangLegal}" : "")}", corps);
            }

            Ligne($"Courriels ({d.Courriels.Count})", section, 8);
            foreach (var m in d.Courriels.TakeLast(5))
            {
                Ligne($"{Libelles.DateHeure(m.MisEnFileLe)} à {m.Destinataire} : « {m.Sujet} » ({m.Statut})", corps);
            }

            Ligne($"Journal ({d.Evenements.Count} événement(s){(d.Evenements.Count > 20 ? ", les 20 derniers" : "")})", section, 8);
            foreach (var ev in d.Evenements.TakeLast(20))
            {
                Ligne($"{Libelles.DateHeure(ev.Date)} · {ev.Action} · {ev.Auteur}{(ev.Details is null ? "" : $" · {ev.Details}")}", corps);
            }

            Ligne("Le fichier JSON joint contient toutes ces données sous une forme réutilisable (RGPD art. 20).", corps, 8);
        }

        DocumentPdf.Enregistrer(document, sortie);
    }
}
