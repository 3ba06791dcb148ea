using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Tests.Constructeurs;

namespace Credentials.Tests.Courriels;

/// <summary>
/// A small school whose every account the e-mail tests know by name: pupils in 6A and 6B, families
/// where both, one or none of the responsables have an address, a blocked pupil, accents and
/// apostrophes in names.
/// </summary>
public sealed class EcoleDeTest
{
    private readonly Dictionary<string, Compte> comptes = [];

    public Etablissement Etablissement { get; private set; } = null!;

    public Compte this[string identifiant] => comptes[identifiant];

    public static async Task<EcoleDeTest> CreerAsync(CredentialsDbContext db, string uai = "0450750W", string nom = "Collège Évariste Galois")
    {
        var ecole = new EcoleDeTest();
        var cree = new DateTime(2026, 8, 25, 0, 0, 0, DateTimeKind.Utc);
        var etablissement = new Etablissement(uai, nom);
        etablissement.ModifierReglages(nom, "Orléans", "Mme Hélène Dupré", null, null, null, "En cas de difficulté, contactez le secrétariat du collège au 02 38 00 00 00 ou à Secretariat@Galois.Exemple.fr.");
        // These tests read the provisional password in the e-mails; the link mode (default) has its own tests.
        etablissement.ModifierEnvois(ModeCourriel.MotDePasse, Etablissement.DureeLienParDefaut, CalendrierRelances.Aucun);
        db.Etablissements.Add(etablissement);
        await db.SaveChangesAsync();
        ecole.Etablissement = etablissement;
        var a = new Classe(etablissement, "6A");
        var b = new Classe(etablissement, "6B");
        db.Classes.AddRange(a, b);

        Compte Nouveau(Profil profil, string prenom, string nomDeFamille, string? courriel = null, Classe? classe = null)
        {
            var identifiant = $"{uai.ToLowerInvariant()}.{Core.Domain.Identifiants.Racine(prenom, nomDeFamille)}";
            var compte = new CompteBuilder().Dans(etablissement).DeProfil(profil).Nomme(nomDeFamille, prenom).Identifiant(identifiant)
                .CreeLe(cree).Courriel(courriel).EnClasse(classe).Construire();
            db.Comptes.Add(compte);
            ecole.comptes[Core.Domain.Identifiants.Racine(prenom, nomDeFamille)] = compte;
            return compte;
        }

        // Lefèvre: two parents, one with an address, two children in 6A and 6B.
        var zoe = Nouveau(Profil.Eleve, "Zoé", "LEFÈVRE", classe: a);
        var hugo = Nouveau(Profil.Eleve, "Hugo", "LEFÈVRE", classe: b);
        var claire = Nouveau(Profil.Responsable, "Claire", "LEFÈVRE", "claire.lefevre@famille.test");
        var marc = Nouveau(Profil.Responsable, "Marc", "LEFÈVRE");
        // N'Diaye: one parent with an address, the pupil has one too.
        var awa = Nouveau(Profil.Eleve, "Awa", "N'DIAYE", "awa.ndiaye@eleves.test", a);
        var fatou = Nouveau(Profil.Responsable, "Fatou", "N'DIAYE", "fatou.ndiaye@famille.test");
        // Martin: a parent without an address (paper), and an invalid address for the other.
        var lea = Nouveau(Profil.Eleve, "Léa", "MARTIN", classe: a);
        var paul = Nouveau(Profil.Responsable, "Paul", "MARTIN");
        var anne = Nouveau(Profil.Responsable, "Anne", "MARTIN", "anne.martin@@famille");
        // Orphan pupil (no responsable) and a blocked pupil whose parent has an address.
        var tom = Nouveau(Profil.Eleve, "Tom", "ROUSSEAU", "tom.rousseau@eleves.test", a);
        var ines = Nouveau(Profil.Eleve, "Inès", "BERGER", classe: a);
        var julie = Nouveau(Profil.Responsable, "Julie", "BERGER", "julie.berger@famille.test");
        ines.Bloquer("test", null, DateTime.UtcNow);
        await db.SaveChangesAsync();

        db.Responsabilites.AddRange(
            new Responsabilite(claire, zoe, LienParente.Mere, 1),
            new Responsabilite(marc, zoe, LienParente.Pere, 2),
            new Responsabilite(claire, hugo, LienParente.Mere, 1),
            new Responsabilite(marc, hugo, LienParente.Pere, 2),
            new Responsabilite(fatou, awa, LienParente.Mere, 1),
            new Responsabilite(paul, lea, LienParente.Pere, 1),
            new Responsabilite(anne, lea, LienParente.Mere, 2),
            new Responsabilite(julie, ines, LienParente.Mere, 1));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return ecole;
    }
}
