using Credentials.Core.Courriels;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Credentials.Tests.Cli;

/// <summary>The `credentials` command run as a real process against its own SQLite database.</summary>
public sealed class CliTests : IAsyncLifetime
{
    private readonly string dossier = Directory.CreateTempSubdirectory("credentials-cli-").FullName;

    private static string Echantillon(string chemin) => Imports.Echantillons.Chemin(Path.GetFileName(chemin));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dossier, recursive: true);
        return Task.CompletedTask;
    }

    private Task<(int Code, string Sortie)> CredentialsAsync(params string[] arguments) =>
        CredentialsAsync(new Dictionary<string, string>(), arguments);

    /// <summary>The built CLI on this test's own folder; <paramref name="environnement"/> may add or override variables.</summary>
    private Task<(int Code, string Sortie)> CredentialsAsync(IReadOnlyDictionary<string, string> environnement, params string[] arguments)
    {
        var variables = new Dictionary<string, string> { ["DataDirectory"] = dossier };
        foreach (var (cle, valeur) in environnement)
        {
            variables[cle] = valeur;
        }

        return LigneDeCommande.ExecuterAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "credentials.dll"), .. arguments], variables);
    }

    private CredentialsDbContext Base()
    {
        var options = new DbContextOptionsBuilder<CredentialsDbContext>();
        StoreRegistration.Configurer(options, FournisseurBase.Sqlite, $"Data Source={Path.Combine(dossier, "credentials.db")};Pooling=False");
        return new CredentialsDbContext(options.Options);
    }

    [Fact]
    public async Task Import_siecle_cree_l_etablissement_puis_ne_change_rien_au_second_passage()
    {
        string[] import = ["import", "siecle", "--uai", "0999999Z", "--eleves", Echantillon("siecle/ElevesSansAdresses.xml"), "--responsables", Echantillon("siecle/ResponsablesAvecAdresses.xml"), "--annee-scolaire", "2025"];

        var essai = await CredentialsAsync([.. import, "--dry-run"]);
        Assert.True(essai.Code == 0, essai.Sortie);
        Assert.Contains("rien n'a été modifié", essai.Sortie);
        await using (var db = Base())
        {
            Assert.Equal(0, await db.Comptes.CountAsync());
        }

        var premier = await CredentialsAsync(import);
        Assert.True(premier.Code == 0, premier.Sortie);
        await using (var db = Base())
        {
            Assert.Equal(6, await db.Comptes.CountAsync(c => c.Profil == Profil.Eleve));
            Assert.Equal(8, await db.Comptes.CountAsync(c => c.Profil == Profil.Responsable));
            Assert.Equal(6, await db.Comptes.CountAsync(c => c.Profil == Profil.Responsable && c.Courriel != null));
            Assert.Equal(10, await db.Responsabilites.CountAsync());
        }

        var second = await CredentialsAsync(import);
        Assert.True(second.Code == 0, second.Sortie);
        Assert.Contains("0 compte créé, 0 modifié, 14 inchangés", second.Sortie);
    }

    [Fact]
    public async Task Import_d_un_fichier_d_un_autre_etablissement_sort_en_erreur_sans_rien_changer()
    {
        var resultat = await CredentialsAsync("import", "siecle", "--uai", "0888888Y", "--eleves", Echantillon("siecle/ElevesSansAdresses.xml"), "--responsables", Echantillon("siecle/ResponsablesAvecAdresses.xml"), "--annee-scolaire", "2025");
        Assert.Equal(1, resultat.Code);
        Assert.Contains("rien n'a été modifié", resultat.Sortie);
        await using var db = Base();
        Assert.Equal(0, await db.Comptes.CountAsync());
    }

    [Fact]
    public async Task Notify_puis_list_ecrivent_les_fiches_et_la_liste_comme_la_console()
    {
        Assert.Equal(0, (await CredentialsAsync("seed-demo", "--uai", "0999999Z", "--eleves", "60")).Code);
        var pdf = Path.Combine(dossier, "6A.pdf");
        var notification = await CredentialsAsync("notify", "--uai", "0999999Z", "--classe", "6A", "--canal", "courrier", "--modele", "1", "--out", pdf);
        Assert.True(notification.Code == 0, notification.Sortie);

        await using var db = Base();
        var eleves = await db.Comptes.Where(c => c.Classe!.Code == "6A").ToListAsync();
        Assert.All(eleves.Where(e => !e.Bloque), e => Assert.NotEqual(EtatCompte.NonNotifie, e.Etat));
        Assert.Equal(eleves.Count(e => !e.Bloque), await Poppler.PagesAsync(await File.ReadAllBytesAsync(pdf)));

        var csv = Path.Combine(dossier, "6A.csv");
        var liste = await CredentialsAsync("list", "--uai", "0999999Z", "--classe", "6A", "--format", "csv", "--out", csv);
        Assert.True(liste.Code == 0, liste.Sortie);
        var lignes = await File.ReadAllLinesAsync(csv);
        Assert.Equal(eleves.Count + 1, lignes.Length);
        Assert.All(eleves.Where(e => e.Etat == EtatCompte.Active), e => Assert.Contains(lignes, l => l.Contains(e.Identifiant) && l.Contains("*****")));
    }

    [Fact]
    public async Task Notify_qui_ne_peut_pas_ecrire_son_fichier_ne_change_aucun_etat()
    {
        Assert.Equal(0, (await CredentialsAsync("seed-demo", "--uai", "0999999Z", "--eleves", "30")).Code);
        List<(long, EtatCompte, string?)> Etats()
        {
            using var db = Base();
            return db.Comptes.OrderBy(c => c.Id).Select(c => new { c.Id, c.Etat, c.MotDePasseProvisoireChiffre }).AsEnumerable().Select(c => (c.Id, c.Etat, c.MotDePasseProvisoireChiffre)).ToList();
        }

        var avant = Etats();
        var pdf = Path.Combine(dossier, "dossier-absent", "6A.pdf");
        var notification = await CredentialsAsync("notify", "--uai", "0999999Z", "--classe", "6A", "--canal", "courrier", "--reinitialiser", "--out", pdf);

        Assert.NotEqual(0, notification.Code);
        Assert.Contains($"Impossible d'écrire {pdf}", notification.Sortie);
        Assert.Contains("aucun compte n'a été modifié", notification.Sortie);
        Assert.DoesNotContain("Exception", notification.Sortie);
        Assert.Equal(avant, Etats());
        Assert.False(File.Exists(pdf + ".partiel"));
    }

    [Fact]
    public async Task Notify_par_courriel_met_en_file_sans_envoyer_et_nomme_les_comptes_sans_adresse()
    {
        Assert.Equal(0, (await CredentialsAsync("seed-demo", "--uai", "0999999Z", "--eleves", "60")).Code);
        var notification = await CredentialsAsync("notify", "--uai", "0999999Z", "--profil", "responsable", "--classe", "6A", "--canal", "courriel");
        Assert.True(notification.Code == 0, notification.Sortie);

        await using var db = Base();
        var responsables = await db.Comptes.Where(c => c.Profil == Profil.Responsable && c.Enfants.Any(r => r.Eleve.Classe!.Code == "6A")).ToListAsync();
        var joignables = responsables.Where(r => !r.Bloque && AdresseCourriel.Normaliser(r.Courriel) is not null).ToList();
        var sansAdresse = responsables.Where(r => AdresseCourriel.Normaliser(r.Courriel) is null).ToList();
        Assert.NotEmpty(joignables);
        Assert.NotEmpty(sansAdresse);
        var messages = await db.Set<MessageSortant>().ToListAsync();
        Assert.Equal(joignables.Select(r => (r.Id, AdresseCourriel.Normaliser(r.Courriel))).Order(), messages.Select(m => (m.CompteId!.Value, (string?)m.Destinataire)).Order());
        Assert.All(messages, m => Assert.Equal((StatutMessage.EnAttente, 0), (m.Statut, m.Tentatives)));
        Assert.Contains($"{messages.Count} courriel(s) mis en file", notification.Sortie);
        Assert.All(sansAdresse, r => Assert.Contains($"Sans adresse : {r.Prenom} {r.Nom} ({r.Identifiant})", notification.Sortie));
        var intacts = sansAdresse.Select(r => r.Id).ToList();
        Assert.False(await db.EvenementComptes.AnyAsync(e => intacts.Contains(e.CompteId) && e.Evenement.Canal == Canal.Courriel));
    }

    [Fact]
    public async Task Relancer_en_essai_ne_change_rien_puis_relance_les_responsables_dus_par_courriel()
    {
        Assert.Equal(0, (await CredentialsAsync("seed-demo", "--uai", "0999999Z", "--eleves", "60")).Code);
        Assert.Contains("Aucune relance n'est réglée", (await CredentialsAsync("relancer", "--uai", "0999999Z")).Sortie);
        List<long> dus;
        await using (var db = Base())
        {
            var etablissement = await db.Etablissements.SingleAsync();
            etablissement.ModifierEnvois(ModeCourriel.Lien, 14, CalendrierRelances.Lire("Responsable:7"));
            await db.SaveChangesAsync();
            var limite = DateTime.UtcNow.AddDays(-7);
            dus = (await db.Comptes.Where(c => c.Profil == Profil.Responsable && c.Etat == EtatCompte.NotifieNonActive && !c.Bloque && c.DateSortie == null && c.DateNotification <= limite).ToListAsync())
                .Where(c => AdresseCourriel.Normaliser(c.Courriel) is not null).Select(c => c.Id).ToList();
        }

        Assert.NotEmpty(dus);
        var essai = await CredentialsAsync("relancer", "--uai", "0999999Z", "--dry-run");
        Assert.True(essai.Code == 0, essai.Sortie);
        Assert.Contains($"Seraient relancés par courriel : {dus.Count} compte(s)", essai.Sortie);
        await using (var db = Base())
        {
            Assert.False(await db.Set<MessageSortant>().AnyAsync());
        }

        var relance = await CredentialsAsync("relancer", "--uai", "0999999Z");
        Assert.True(relance.Code == 0, relance.Sortie);
        Assert.Contains($"Relancés par courriel : {dus.Count} compte(s)", relance.Sortie);
        await using (var db = Base())
        {
            Assert.Equal(dus.Order(), (await db.Comptes.Where(c => c.Relances == 1).Select(c => c.Id).ToListAsync()).Order());
            Assert.Equal(TypeCampagne.Relance, (await db.Set<Campagne>().SingleAsync()).Type);
        }
    }

    [Fact]
    public async Task Notify_familles_met_en_file_un_courriel_par_responsable_joignable_et_ecrit_les_courriers_des_autres()
    {
        Assert.Equal(0, (await CredentialsAsync("seed-demo", "--uai", "0999999Z", "--eleves", "60")).Code);
        var pdf = Path.Combine(dossier, "familles.pdf");
        var envoi = await CredentialsAsync("notify", "--uai", "0999999Z", "--classe", "6A", "--canal", "courriel", "--familles", "--out", pdf);
        Assert.True(envoi.Code == 0, envoi.Sortie);

        await using var db = Base();
        var messages = await db.Set<MessageSortant>().Include(m => m.Comptes).ToListAsync();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Equal(StatutMessage.EnAttente, m.Statut));
        Assert.Equal(TypeCampagne.Familles, (await db.Set<Campagne>().SingleAsync()).Type);
        var eleves6A = await db.Comptes.Where(c => c.Classe!.Code == "6A").Select(c => c.Id).ToListAsync();
        foreach (var message in messages)
        {
            var enfants = await db.Responsabilites.Where(r => r.ResponsableId == message.CompteId && eleves6A.Contains(r.EleveId) && !r.Eleve.Bloque).Select(r => r.EleveId).ToListAsync();
            Assert.Equal(enfants.Append(message.CompteId!.Value).Order(), message.Comptes.Select(c => c.CompteId).Order());
        }

        Assert.Contains($"{messages.Count} courriel(s) mis en file", envoi.Sortie);

        // Families without an address: their responsables' letters and their children's, one page each, in --out.
        var liens = await db.Responsabilites.Where(r => eleves6A.Contains(r.EleveId) && !r.Eleve.Bloque && !r.Responsable.Bloque)
            .Select(r => new { r.EleveId, r.ResponsableId, r.Responsable.Courriel }).ToListAsync();
        var papier = liens.Where(l => AdresseCourriel.Normaliser(l.Courriel) is null).ToList();
        Assert.NotEmpty(papier);
        var pages = papier.Select(l => l.ResponsableId).Distinct().Count() + papier.Select(l => l.EleveId).Distinct().Count();
        Assert.Equal(pages, await Poppler.PagesAsync(await File.ReadAllBytesAsync(pdf)));
    }

    [Fact]
    public async Task Une_option_inconnue_ou_un_uai_absent_donne_un_message_clair()
    {
        var resultat = await CredentialsAsync("list", "--uai", "0000000A", "--format", "csv", "--out", Path.Combine(dossier, "x.csv"));
        Assert.Equal(1, resultat.Code);
        Assert.Contains("Aucun établissement n'a l'UAI « 0000000A »", resultat.Sortie);
    }

    [Theory]
    [InlineData("SqlServer", "CREATE TABLE [{0}]", "IF NOT EXISTS (")]
    [InlineData("Postgres", "CREATE TABLE \"{0}\"", "IF NOT EXISTS(SELECT 1 FROM \"__EFMigrationsHistory\"")]
    [InlineData("Sqlite", "CREATE TABLE \"{0}\"", "INSERT INTO \"__EFMigrationsHistory\"")]
    public async Task Schema_ecrit_le_script_qui_cree_chaque_table_du_modele(string fournisseur, string creation, string garde)
    {
        var resultat = await CredentialsAsync("schema", "--provider", fournisseur);

        Assert.True(resultat.Code == 0, resultat.Sortie);
        Assert.Contains(garde, resultat.Sortie);
        await using var db = Base();
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().ToList();
        Assert.Contains("Comptes", tables);
        Assert.All(tables, table => Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, creation, table), resultat.Sortie));
        // Nothing but SQL on standard output, and no database created.
        Assert.False(File.Exists(Path.Combine(dossier, "credentials.db")));
    }

    [Fact]
    public async Task Schema_d_un_fournisseur_inconnu_donne_un_message_clair()
    {
        var resultat = await CredentialsAsync("schema", "--provider", "Oracle");

        Assert.Equal(1, resultat.Code);
        Assert.Contains("Fournisseur inconnu « Oracle » : Sqlite, Postgres ou SqlServer.", resultat.Sortie);
    }

    [Fact]
    public async Task Une_base_injoignable_est_dite_en_francais_sans_trace_de_pile()
    {
        // A port nobody listens on: the PostgreSQL server is down or the address is wrong.
        var port = Courriels.ServeurSmtpDeTest.PortLibre();
        var environnement = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Credentials"] = $"Host=127.0.0.1;Port={port};Username=postgres;Database=credentials;Timeout=5",
        };

        var resultat = await CredentialsAsync(environnement, "migrate");

        Assert.Equal(1, resultat.Code);
        Assert.Contains("la base de données n'a pas pu être ouverte ni mise à jour", resultat.Sortie);
        Assert.Contains($"127.0.0.1:{port}", resultat.Sortie);
        Assert.DoesNotContain("Erreur inattendue", resultat.Sortie);
        Assert.DoesNotContain("   at ", resultat.Sortie);
    }

    [Fact]
    public async Task Un_fichier_introuvable_est_dit_en_francais_avec_le_code_2_sans_trace_de_pile()
    {
        var absent = Path.Combine(dossier, "absent.xml");

        var resultat = await CredentialsAsync("import", "siecle", "--uai", "0999999Z", "--eleves", absent, "--responsables", Echantillon("siecle/ResponsablesAvecAdresses.xml"));

        Assert.Equal(2, resultat.Code);
        Assert.Contains($"Fichier introuvable : {absent}", resultat.Sortie);
        Assert.DoesNotContain("Unhandled exception", resultat.Sortie);
        Assert.DoesNotContain("   at ", resultat.Sortie);
    }

    [Fact]
    public async Task Les_messages_de_la_ligne_de_commande_sont_en_francais()
    {
        var sansResponsables = await CredentialsAsync("import", "siecle", "--uai", "0999999Z", "--eleves", Echantillon("siecle/ElevesSansAdresses.xml"));
        var aide = await CredentialsAsync("import", "siecle", "--help");

        Assert.NotEqual(0, sansResponsables.Code);
        Assert.Contains("--responsables", sansResponsables.Sortie);
        Assert.DoesNotContain("is required", sansResponsables.Sortie);
        Assert.Contains("obligatoire", sansResponsables.Sortie);
        Assert.Equal(0, aide.Code);
        Assert.DoesNotContain("Show help and usage information", aide.Sortie);
        Assert.DoesNotContain("REQUIRED", aide.Sortie);
        Assert.Contains("--dry-run", aide.Sortie);
    }

    [Fact]
    public async Task Un_fichier_ONDE_des_eleves_s_importe_sans_celui_des_responsables()
    {
        var resultat = await CredentialsAsync("import", "onde", "--uai", "0999999Z", "--eleves", Echantillon("onde/onde_eleves.csv"));

        Assert.True(resultat.Code == 0, resultat.Sortie);
        await using var db = Base();
        Assert.Equal(6, await db.Comptes.CountAsync(c => c.Profil == Profil.Eleve));
        Assert.Equal(0, await db.Comptes.CountAsync(c => c.Profil == Profil.Responsable));
    }

    [Fact]
    public async Task L_essai_donne_le_verdict_au_conditionnel_d_abord_puis_les_personnes_groupees_et_repliees()
    {
        var (eleves, responsables) = Imports.GenerateurSiecle.Generer(60, 100, partis: 30);
        await File.WriteAllBytesAsync(Path.Combine(dossier, "eleves.xml"), eleves);
        await File.WriteAllBytesAsync(Path.Combine(dossier, "responsables.xml"), responsables);
        string[] import = ["import", "siecle", "--uai", "0999999Z", "--annee-scolaire", "2025", "--eleves", Path.Combine(dossier, "eleves.xml"), "--responsables", Path.Combine(dossier, "responsables.xml"), "--dry-run"];

        var essai = await CredentialsAsync(import);
        var details = await CredentialsAsync([.. import, "--details"]);

        Assert.True(essai.Code == 0, essai.Sortie);
        var lignes = essai.Sortie.Split('\n');
        Assert.Contains("160 comptes seraient créés (60 élèves, 100 responsables)", lignes[0]);
        var groupe = Array.FindIndex(lignes, l => l.StartsWith("30 élèves ignorés — a quitté l'établissement — voir la liste (--details)", StringComparison.Ordinal));
        Assert.True(groupe > 0, essai.Sortie);
        Assert.Equal("  … et 25 autres.", lignes[groupe + 6].TrimEnd());
        Assert.True(lignes.Length < 60, essai.Sortie);
        Assert.Contains("30 élèves ignorés — a quitté l'établissement :", details.Sortie);
        Assert.DoesNotContain("autres.", details.Sortie);
    }

    [Fact]
    public async Task Purge_dry_run_puis_purge_annoncent_les_memes_nombres_et_seule_la_seconde_supprime()
    {
        var migre = await CredentialsAsync("seed-demo", "--uai", "0999999Z", "--eleves", "40");
        Assert.True(migre.Code == 0, migre.Sortie);
        await using (var db = Base())
        {
            // Four pupils left last school year: more than three months ago for the real clock the CLI uses.
            var sortis = await db.Comptes.Where(c => c.Profil == Profil.Eleve).OrderBy(c => c.Id).Take(4).ToListAsync();
            sortis.ForEach(c => c.MarquerSorti(DateTime.UtcNow.AddDays(-120)));
            await db.SaveChangesAsync();
        }

        int Comptes()
        {
            using var db = Base();
            return db.Comptes.Count();
        }

        // An import upload never confirmed, two hours old, and one just made: only the first is purged.
        var ancien = Directory.CreateDirectory(Path.Combine(dossier, "imports", new string('a', 32))).FullName;
        var recent = Directory.CreateDirectory(Path.Combine(dossier, "imports", new string('b', 32))).FullName;
        await File.WriteAllTextAsync(Path.Combine(ancien, "eleves.bin"), "Nom;Prénom");
        Directory.SetLastWriteTimeUtc(ancien, DateTime.UtcNow.AddHours(-2));

        var avant = Comptes();
        var essai = await CredentialsAsync("purge", "--dry-run");
        Assert.True(Directory.Exists(ancien));
        var apresEssai = Comptes();
        var purge = await CredentialsAsync("purge", "--uai", "0999999Z");

        Assert.True(essai.Code == 0, essai.Sortie);
        Assert.True(purge.Code == 0, purge.Sortie);
        Assert.Contains("Simulation : rien n'a été supprimé", essai.Sortie);
        Assert.Contains("Comptes d'élèves sortis ou échus : 4", essai.Sortie);
        Assert.Contains("Fichiers d'import déposés (plus d'une heure) : 1", essai.Sortie);
        // Files are the deployment's, not one school's: a purge of one school leaves them, a full purge removes them.
        Assert.True(Directory.Exists(ancien));
        var complete = await CredentialsAsync("purge");
        Assert.Contains("Fichiers d'import déposés (plus d'une heure) : 1", complete.Sortie);
        Assert.False(Directory.Exists(ancien));
        Assert.True(Directory.Exists(recent));
        string[] Lignes(string sortie) => sortie.Split('\n').Where(l => l.StartsWith("  Comptes", StringComparison.Ordinal) || l.StartsWith("  Entrées", StringComparison.Ordinal) || l.StartsWith("  C", StringComparison.Ordinal)).ToArray();
        Assert.Equal(Lignes(essai.Sortie), Lignes(purge.Sortie));
        Assert.Equal(avant, apresEssai);
        var supprimes = Lignes(purge.Sortie).Where(l => l.StartsWith("  Comptes", StringComparison.Ordinal)).Sum(l => int.Parse(l[(l.LastIndexOf(':') + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(supprimes >= 4, purge.Sortie);
        Assert.Equal(avant - supprimes, Comptes());
    }

    [Fact]
    public async Task Export_personne_ecrit_le_json_et_le_pdf_de_la_personne_sans_secret()
    {
        Assert.Equal(0, (await CredentialsAsync("seed-demo", "--uai", "0999999Z", "--eleves", "20")).Code);
        string identifiant, chiffre;
        await using (var db = Base())
        {
            var compte = await db.Comptes.Where(c => c.Profil == Profil.Eleve && c.MotDePasseProvisoireChiffre != null).OrderBy(c => c.Id).FirstAsync();
            (identifiant, chiffre) = (compte.Identifiant, compte.MotDePasseProvisoireChiffre!);
        }

        var json = Path.Combine(dossier, "personne.json");
        var resultat = await CredentialsAsync("export-personne", "--uai", "0999999Z", "--identifiant", identifiant, "--out", json);

        Assert.True(resultat.Code == 0, resultat.Sortie);
        var texte = await File.ReadAllTextAsync(json);
        Assert.Contains($"\"Identifiant\": \"{identifiant}\"", texte);
        Assert.DoesNotContain(chiffre, texte);
        Assert.DoesNotContain("Hash", texte);
        var pdf = await Poppler.TexteAsync(await File.ReadAllBytesAsync(Path.ChangeExtension(json, ".pdf")));
        Assert.Contains("Données personnelles de", pdf);
        Assert.Contains(identifiant, pdf);
        var inconnu = await CredentialsAsync("export-personne", "--uai", "0999999Z", "--identifiant", "personne.inconnue", "--out", json);
        Assert.Equal(1, inconnu.Code);
        Assert.Contains("Aucun compte n'a l'identifiant", inconnu.Sortie);
        Assert.Contains("personne.inconnue", inconnu.Sortie);
    }
}
