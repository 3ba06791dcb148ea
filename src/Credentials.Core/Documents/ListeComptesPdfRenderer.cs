using Credentials.Core.Documents.Pdf;
using Credentials.Core.Domain;
using PdfSharp.Pdf;

namespace Credentials.Core.Documents;

/// <summary>
/// La liste des comptes en PDF, regroupée par classe : une nouvelle page à chaque changement de
/// <see cref="FicheCompte.Classe"/> dans la suite reçue, que l'appelant trie donc par classe puis
/// par nom. Colonnes Nom, Prénom, État du compte, Identifiant, Mot de passe (règle de
/// <see cref="AffichageCompte"/>).
/// </summary>
public sealed class ListeComptesPdfRenderer
{
    public void Ecrire(EnTeteEtablissement etablissement, Profil? profil, IEnumerable<FicheCompte> fiches, Stream sortie)
    {
        using var document = Nouveau(etablissement, profil, out var liste);
        foreach (var fiche in fiches)
        {
            liste.Ajouter(fiche);
        }

        Terminer(document, liste);
        DocumentPdf.Enregistrer(document, sortie);
    }

    public async Task EcrireAsync(
        EnTeteEtablissement etablissement,
        Profil? profil,
        IAsyncEnumerable<FicheCompte> fiches,
        Stream sortie,
        CancellationToken annulation = default)
    {
        using var document = Nouveau(etablissement, profil, out var liste);
        await foreach (var fiche in fiches.WithCancellation(annulation).ConfigureAwait(false))
        {
            liste.Ajouter(fiche);
        }

        Terminer(document, liste);
        await DocumentPdf.EnregistrerAsync(document, sortie, annulation).ConfigureAwait(false);
    }

    /// <summary>« Liste des comptes élèves », ou « Liste des comptes » pour des profils mêlés.</summary>
    public static string Titre(Profil? profil) => profil is { } p ? $"Liste des comptes {p.Pluriel()}" : "Liste des comptes";

    private static PdfDocument Nouveau(EnTeteEtablissement etablissement, Profil? profil, out MiseEnPageListe liste)
    {
        var document = DocumentPdf.Creer($"{Titre(profil)} – {etablissement.Nom}", etablissement);
        liste = new MiseEnPageListe(document, etablissement, Titre(profil));
        return document;
    }

    private static void Terminer(PdfDocument document, MiseEnPageListe liste)
    {
        DocumentPdf.PageSiVide(document, "Aucun compte sélectionné.");
        liste.Terminer();
    }
}
