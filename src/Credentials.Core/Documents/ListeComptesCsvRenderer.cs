using Credentials.Core.Domain;

namespace Credentials.Core.Documents;

/// <summary>
/// La liste des comptes en CSV, colonnes du seed 003 §3.3 : <c>UAI;Établissement;Nom élève;Prénom
/// élève;MEF;Classe;État du compte;Identifiant;Mot de passe;Date de notification;Date de dernière
/// connexion</c> (le code MEF, puis son libellé en « Libellé MEF » : le code seul ne dit rien à qui lit), les libellés de nom adaptés au profil (« Nom responsable »…), dates JJ/MM/AAAA à
/// l'heure de Paris, mot de passe selon <see cref="AffichageCompte"/>.
/// </summary>
public sealed class ListeComptesCsvRenderer
{
    public static string[] Entete(Profil? profil)
    {
        var qui = profil is { } p ? " " + p.EnMinuscules() : "";
        return
        [
            "UAI", "Établissement", "Nom" + qui, "Prénom" + qui, "MEF", "Libellé MEF", "Classe", "État du compte",
            "Identifiant", "Mot de passe", "Date de notification", "Date de dernière connexion",
        ];
    }

    public Task EcrireAsync(
        EnTeteEtablissement etablissement,
        Profil? profil,
        IEnumerable<FicheCompte> fiches,
        Stream sortie,
        CancellationToken annulation = default) =>
        EcrireAsync(etablissement, profil, fiches.ToAsyncEnumerable(), sortie, annulation);

    public Task EcrireAsync(
        EnTeteEtablissement etablissement,
        Profil? profil,
        IAsyncEnumerable<FicheCompte> fiches,
        Stream sortie,
        CancellationToken annulation = default) =>
        CsvComptes.EcrireAsync(sortie, Entete(profil), fiches, (csv, fiche) =>
        {
            csv.WriteField(etablissement.Uai);
            csv.WriteField(etablissement.Nom);
            csv.WriteField(fiche.Nom);
            csv.WriteField(fiche.Prenom);
            csv.WriteField(fiche.CodeMef);
            csv.WriteField(fiche.LibelleMef);
            csv.WriteField(fiche.Classe);
            csv.WriteField(AffichageCompte.Etat(fiche));
            csv.WriteField(fiche.Identifiant);
            csv.WriteField(AffichageCompte.ColonneMotDePasse(fiche));
            csv.WriteField(Libelles.Date(fiche.DateNotification));
            csv.WriteField(Libelles.Date(fiche.DateDerniereConnexion));
        }, annulation);
}
