using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Credentials.Core.Data;
using Credentials.Core.Imports;
using Credentials.Tests.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Credentials.Benchmarks.Imports;

/// <summary>
/// Imports a generated SIECLE school (2,500 pupils, 4,000 guardians by default) into a fresh SQLite file, then
/// imports it again, and prints the time of each step.
/// </summary>
public static class BancImports
{
    public static async Task<int> ExecuterAsync(string[] args)
    {
        var eleves = Option(args, "--eleves", 2500);
        var responsables = Option(args, "--responsables", 4000);
        var dossier = Directory.CreateTempSubdirectory("credentials-bench-").FullName;
        var chaine = $"Data Source={Path.Combine(dossier, "bench.db")}";
        try
        {
            await using (var db = Contexte(chaine))
            {
                await db.Database.MigrateAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            Console.WriteLine($"{RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}");
            var chrono = Stopwatch.StartNew();
            var (fichierEleves, fichierResponsables) = GenerateurSiecle.Generer(eleves, responsables);
            Etape("generate XML", chrono, $"{(fichierEleves.Length + fichierResponsables.Length) / 1024} KB");

            var options = new OptionsImport();
            var horloge = TimeProvider.System;
            var demande = new DemandeImport("0999999Z", "benchmark") { CreerEtablissement = true, AnneeConfirmee = 2025 };
            for (var passage = 1; passage <= 2; passage++)
            {
                chrono.Restart();
                var liste = new LecteurSiecle(options, horloge).Lire(
                    FichierImport.DepuisOctets("ElevesSansAdresses.xml", fichierEleves),
                    FichierImport.DepuisOctets("ResponsablesAvecAdresses.xml", fichierResponsables));
                Etape($"#{passage} parse", chrono, $"{liste.Eleves.Count()} pupils, {liste.Responsables.Count()} guardians, {liste.Liens.Count} links, {liste.Erreurs.Count} errors");

                await using (var db = Contexte(chaine))
                {
                    chrono.Restart();
                    var apercu = await Service(db, options, horloge).ApercevoirAsync(liste, demande);
                    Etape($"#{passage} preview", chrono, $"{apercu.ACreer.Count} to create, {apercu.Inchanges.Count} unchanged");
                }

                await using (var db = Contexte(chaine))
                {
                    chrono.Restart();
                    var resultat = await Service(db, options, horloge).AppliquerAsync(liste, demande);
                    Etape($"#{passage} apply", chrono, $"applied={resultat.Applique}, {resultat.Crees.Count} created");
                }
            }

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dossier, recursive: true);
        }
    }

    /// <summary>Writes ElevesSansAdresses.xml and ResponsablesAvecAdresses.xml of a generated school into <paramref name="dossier"/>.</summary>
    public static void EcrireFichiers(string dossier, string[] args)
    {
        var (eleves, responsables) = GenerateurSiecle.Generer(Option(args, "--eleves", 2500), Option(args, "--responsables", 4000));
        Directory.CreateDirectory(dossier);
        File.WriteAllBytes(Path.Combine(dossier, "ElevesSansAdresses.xml"), eleves);
        File.WriteAllBytes(Path.Combine(dossier, "ResponsablesAvecAdresses.xml"), responsables);
    }

    private static ServiceImport Service(CredentialsDbContext db, OptionsImport options, TimeProvider horloge) =>
        new(db, horloge, options, NullLogger<ServiceImport>.Instance);

    private static CredentialsDbContext Contexte(string chaine)
    {
        var options = new DbContextOptionsBuilder<CredentialsDbContext>();
        StoreRegistration.Configurer(options, FournisseurBase.Sqlite, chaine);
        return new CredentialsDbContext(options.Options);
    }

    private static void Etape(string nom, Stopwatch chrono, string details) =>
        Console.WriteLine($"{nom,-14} {chrono.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture),7} ms  {details}");

    private static int Option(string[] args, string nom, int defaut)
    {
        var i = Array.IndexOf(args, nom);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : defaut;
    }
}
