using Credentials.Core.Domain;

namespace Credentials.Core.Documents;

/// <summary>
/// Le publipostage en CSV (seed 002) : <c>Nom;Prénom;Profil;Login;Code d'activation;Courriel;Classe;Date
/// de création</c>, le code d'activation selon la règle de <see cref="AffichageCompte"/>.
/// </summary>
public sealed class PublipostageCsvRenderer
{
    public static readonly string[] Entete =
        ["Nom", "Prénom", "Profil", "Login", "Code d'activation", "Courriel", "Classe", "Date de création"];

    public Task EcrireAsync(IEnumerable<FicheCompte> fiches, Stream sortie, CancellationToken annulation = default) =>
        EcrireAsync(fiches.ToAsyncEnumerable(), sortie, annulation);

    public Task EcrireAsync(IAsyncEnumerable<FicheCompte> fiches, Stream sortie, CancellationToken annulation = default) =>
        CsvComptes.EcrireAsync(sortie, Entete, fiches, static (csv, fiche) =>
        {
            csv.WriteField(fiche.Nom);
            csv.WriteField(fiche.Prenom);
            csv.WriteField(fiche.Profil.Libelle());
            csv.WriteField(fiche.Identifiant);
            csv.WriteField(AffichageCompte.ColonneMotDePasse(fiche));
            csv.WriteField(fiche.Courriel);
            csv.WriteField(fiche.Classe);
            csv.WriteField(Libelles.Date(fiche.DateCreation));
        }, annulation);
}
