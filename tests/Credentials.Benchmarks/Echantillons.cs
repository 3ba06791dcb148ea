using Credentials.Core.Documents;
using Credentials.Core.Domain;

namespace Credentials.Benchmarks;

/// <summary>Écrit un PDF de chaque gabarit pour scripts/render-samples.sh, qui en fait les images de docs/images.</summary>
public static class Echantillons
{
    public static void Ecrire(string dossier)
    {
        Directory.CreateDirectory(dossier);
        var etablissement = DonneesExemple.Etablissement;
        var fiches = DonneesExemple.Fiches(60).ToList();
        var aNotifier = fiches.First(f => f.Etat == EtatCompte.NotifieNonActive) with { Prenom = "Éloïse", Nom = "N'Diaye-Lefèvre" };
        var active = fiches.First(f => f.Etat == EtatCompte.Active) with { Prenom = "Jean-Baptiste", Nom = "Delacœur" };
        var responsable = aNotifier with { Profil = Profil.Responsable, Prenom = "Mariama", Nom = "N'Diaye", Identifiant = "m.ndiaye3" };

        var fichesPdf = new FichesConnexionRenderer();
        Pdf("letter-identifiants", s => fichesPdf.Ecrire(ModeleFiche.Detaillee, etablissement, [aNotifier], s));
        Pdf("letter-rappel", s => fichesPdf.Ecrire(ModeleFiche.Detaillee, etablissement, [active], s));
        Pdf("letter-responsable", s => fichesPdf.Ecrire(ModeleFiche.Detaillee, etablissement, [responsable], s));
        Pdf("letters-2", s => fichesPdf.Ecrire(ModeleFiche.DeuxParPage, etablissement, [aNotifier, active], s));
        Pdf("sheets-8", s => fichesPdf.Ecrire(ModeleFiche.Simplifiee, etablissement, [aNotifier, active, .. fiches.Take(6)], s));

        Pdf("list", s => new ListeComptesPdfRenderer().Ecrire(etablissement, Profil.Eleve, DonneesExemple.Fiches(120), s));

        void Pdf(string nom, Action<Stream> rendu)
        {
            using var fichier = File.Create(Path.Combine(dossier, nom + ".pdf"));
            rendu(fichier);
        }
    }
}
