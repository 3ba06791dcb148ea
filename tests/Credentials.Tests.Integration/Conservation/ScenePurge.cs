using Credentials.Core.Acces;
using Credentials.Core.Conservation;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Journal;
using Credentials.Core.Portail;
using Credentials.Tests.Courriels;
using Credentials.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Credentials.Tests.Conservation;

/// <summary>A school (EcoleDeTest) on a throwaway database, a manual clock and the purge built on them.</summary>
public sealed class ScenePurge : IAsyncDisposable
{
    private ScenePurge(BaseDeTest @base, EcoleDeTest ecole)
    {
        Base = @base;
        Ecole = ecole;
    }

    public BaseDeTest Base { get; }

    public EcoleDeTest Ecole { get; }

    public HorlogeDeTest Horloge { get; } = new(OutilsDeTest.Rentree);

    public DateTime Maintenant => Horloge.GetUtcNow().UtcDateTime;

    public int EtablissementId => Ecole.Etablissement.Id;

    public static async Task<ScenePurge> CreerAsync(FournisseurBase fournisseur)
    {
        var @base = await BaseDeTest.CreerAsync(fournisseur);
        await using var db = await @base.ContexteMigreAsync();
        return new ScenePurge(@base, await EcoleDeTest.CreerAsync(db));
    }

    public ServicePurge Purge(CredentialsDbContext db, OptionsConservation? options = null) =>
        new(db, Horloge, Options.Create(options ?? new OptionsConservation()), [], NullLogger<ServicePurge>.Instance);

    public async Task<ResultatPurge> PurgerAsync(bool simulation = false, bool seulementSiDue = false)
    {
        await using var db = Base.Contexte();
        return await Purge(db).PurgerAsync(null, simulation, "test", seulementSiDue);
    }

    /// <summary>Applies a change to the named accounts and saves.</summary>
    public async Task ModifierAsync(Action<Compte> changement, params string[] noms)
    {
        await using var db = Base.Contexte();
        var ids = noms.Select(n => Ecole[n].Id).ToList();
        foreach (var compte in await db.Comptes.Where(c => ids.Contains(c.Id)).ToListAsync())
        {
            changement(compte);
        }

        await db.SaveChangesAsync();
    }

    public async Task<Evenement> ConsignerAsync(DateTime date, string? details, params string[] noms)
    {
        await using var db = Base.Contexte();
        var evenement = EcritureJournal.Consigner(db, Portee.Cli(EtablissementId), date, ActionJournal.ModificationCompte, null, noms.Select(n => Ecole[n].Id).ToList(), details);
        await db.SaveChangesAsync();
        return evenement;
    }

    public async Task<LimitePortail> LimiteAsync(string cle)
    {
        await using var db = Base.Contexte();
        var limite = new LimitePortail(cle, Maintenant);
        db.Add(limite);
        await db.SaveChangesAsync();
        return limite;
    }

    public async Task<List<string>> ComptesRestantsAsync()
    {
        await using var db = Base.Contexte();
        var ids = await db.Comptes.Select(c => c.Id).ToListAsync();
        return Noms.Where(n => ids.Contains(Ecole[n].Id)).Order().ToList();
    }

    /// <summary>Every row of every table the purge touches, to prove a dry run changes nothing.</summary>
    public async Task<string> InstantaneAsync()
    {
        await using var db = Base.Contexte();
        return string.Join(
            "\n",
            $"comptes {string.Join(',', await db.Comptes.OrderBy(c => c.Id).Select(c => c.Id + ":" + c.Version).ToListAsync())}",
            $"liens {await db.Responsabilites.CountAsync()}",
            $"journal {string.Join('|', await db.Evenements.OrderBy(e => e.Id).Select(e => e.Id + ":" + e.Details).ToListAsync())}",
            $"journal-comptes {await db.EvenementComptes.CountAsync()}",
            $"messages {string.Join('|', await db.Set<Core.Courriels.MessageSortant>().OrderBy(m => m.Id).Select(m => m.Id + ":" + m.CorpsTexte.Length + ":" + m.PiecesJointes).ToListAsync())}",
            $"campagnes {await db.Set<Core.Courriels.Campagne>().CountAsync()}",
            $"limites {await db.Set<LimitePortail>().CountAsync()}");
    }

    public static readonly string[] Noms =
        ["zoe.lefevre", "hugo.lefevre", "claire.lefevre", "marc.lefevre", "awa.ndiaye", "fatou.ndiaye", "lea.martin", "paul.martin", "anne.martin", "tom.rousseau", "ines.berger", "julie.berger"];

    public async ValueTask DisposeAsync() => await Base.DisposeAsync();
}
