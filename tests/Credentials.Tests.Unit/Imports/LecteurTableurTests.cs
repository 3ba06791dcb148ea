using Credentials.Core.Domain;
using Credentials.Core.Imports;

namespace Credentials.Tests.Imports;

public class LecteurTableurTests
{
    private static readonly LecteurTableur Lecteur = new(new OptionsImport());

    private static ListeImport Lire(string csv) => Lecteur.Lire(Echantillons.Csv("liste.csv", csv));

    [Fact]
    public void Le_modele_telechargeable_est_un_CSV_UTF8_que_le_lecteur_accepte()
    {
        var octets = ModeleImport.Octets();

        Assert.Equal([0xEF, 0xBB, 0xBF], octets[..3]);
        Assert.Equal(
            ["Profil", "Civilité", "Nom", "Prénom", "Date de naissance", "Classe", "MEF", "Courriel", "Identifiant externe", "Responsable de", "Lien"],
            ModeleImport.Colonnes());
        var liste = Lecteur.Lire(FichierImport.DepuisOctets(ModeleImport.NomFichier, octets));
        Assert.Empty(liste.Erreurs);
        Assert.Empty(liste.Personnes);
    }

    [Fact]
    public void Le_modele_documente_est_celui_qui_est_livre()
    {
        var guide = File.ReadAllText(Path.Combine(Infrastructure.Racine.Depot, "docs", "guide", "modele-import.md"));

        Assert.Contains(string.Join(';', ModeleImport.Colonnes()), guide);
    }

    [Fact]
    public void Eleves_responsables_et_personnels_sont_lus_avec_leurs_liens()
    {
        var liste = Lire("""
            Profil;Civilité;Nom;Prénom;Date de naissance;Classe;MEF;Courriel;Identifiant externe;Responsable de;Lien
            Élève;;MARTIN;Léa;14/03/2014;6A;10010012110;;E-17;;
            eleve;;MARTIN;Noé;2013-01-11;5B;;;;;
            Responsable;Mme;DUBOIS;Claire;;;;Claire.Dubois@Example.org;;E-17 | MARTIN Noé;Mère
            Enseignant;M.;LAMBERT;Marc;;;;m.lambert@example.fr;;;
            Invité;;ROUX;Anne;;;;;;;
            """.ReplaceLineEndings("\r\n"));

        Assert.Empty(liste.Erreurs);
        Assert.Equal([Profil.Eleve, Profil.Eleve, Profil.Responsable, Profil.Enseignant, Profil.Invite], liste.Personnes.Select(p => p.Profil));
        Assert.Equal(new HashSet<Profil> { Profil.Eleve, Profil.Responsable, Profil.Enseignant, Profil.Invite }, liste.ProfilsCouverts);
        Assert.Equal("E-17", liste.Eleves.First().Cle);
        var claire = liste.Responsables.Single();
        Assert.Equal(("Mme", "claire.dubois@example.org"), (claire.Civilite, claire.Courriel));
        Assert.Equal(2, liste.Liens.Count);
        Assert.All(liste.Liens, l => Assert.Equal((claire.Cle, LienParente.Mere), (l.CleResponsable, l.Lien)));
        Assert.Equal(["5B", "6A"], liste.Classes.Select(c => c.Code));
    }

    [Fact]
    public void Les_lignes_invalides_sont_signalees_avec_leur_numero()
    {
        var liste = Lire("""
            Profil;Nom;Prénom;Date de naissance;Classe
            Élève;DURAND;Paul;31/02/2012;6A
            Directeur;DURAND;Marie;;
            Élève;DURAND;;01/01/2012;6A
            Élève;PETIT;Jules;;6A
            Enseignant;LAMBERT;Marc;;;
            Enseignant;LAMBERT;Marc;;;
            """.ReplaceLineEndings("\r\n"));

        Assert.Equal(
            [
                "liste.csv — Ligne 2 : la date de naissance « 31/02/2012 » n'existe pas",
                "liste.csv — Ligne 3 : le profil « Directeur » est inconnu (Élève, Responsable, Enseignant, Personnel ou Invité)",
                "liste.csv — Ligne 4 : le prénom de DURAND est vide",
                "liste.csv — Ligne 5 : l'élève Jules PETIT n'a ni date de naissance ni identifiant externe : impossible de le reconnaître d'un import à l'autre",
                "liste.csv — Ligne 7 : Marc LAMBERT figure deux fois (lignes 6 et 7) : s'il s'agit de deux personnes, donnez-leur un « Identifiant externe »",
            ],
            liste.Erreurs.Select(e => e.Texte));
    }

    [Fact]
    public void Un_fichier_ONDE_donne_au_lecteur_tableur_est_reconnu()
    {
        var liste = Lecteur.Lire(Echantillons.OndeEleves);

        Assert.Equal("onde_eleves.csv : les colonnes « Profil », « Nom », « Prénom » sont absentes : ce fichier ne suit pas le modèle d'import (un fichier ONDE s'importe avec « Import ONDE »)", Assert.Single(liste.Erreurs).Texte);
    }
}
