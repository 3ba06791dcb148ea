using Credentials.Core.Acces;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Journal;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Credentials.Core.Documents;

/// <summary>Combien de temps un document d'identifiants reste téléchargeable (section « Documents »).</summary>
public sealed class OptionsDocuments
{
    public const string Section = "Documents";

    public TimeSpan DureeConservation { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>Un document prêt à être renvoyé : son nom, son type, ses octets en clair.</summary>
public sealed record FichierDocument(string NomFichier, string TypeContenu, byte[] Contenu);

/// <summary>
/// Les documents d'identifiants conservés : construits <em>avant</em> que la transaction qui change les comptes ne soit
/// validée (un rendu qui échoue ne change rien), enregistrés chiffrés dans cette même transaction, téléchargeables à
/// nouveau jusqu'à leur expiration ; chaque nouveau téléchargement est une nouvelle divulgation, journalisée.
/// </summary>
public sealed class DocumentsConserves(CredentialsDbContext db, IDataProtectionProvider protection, TimeProvider horloge, IOptions<OptionsDocuments> options)
{
    private readonly IDataProtector protecteur = protection.CreateProtector("Credentials.DocumentConserve.v1");

    private DateTime Maintenant => horloge.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Écrit le document en entier (une exception ou une annulation ici laisse la base intacte), puis l'ajoute chiffré
    /// au contexte, lié à l'entrée du journal de l'action, sans enregistrer : l'appelant enregistre le tout ensemble.
    /// </summary>
    public async Task<(DocumentConserve Document, byte[] Contenu)> PreparerAsync(
        Evenement evenement,
        string nomFichier,
        string typeContenu,
        Func<Stream, CancellationToken, Task> ecrire,
        string bilan,
        string? retour,
        CancellationToken ct = default)
    {
        byte[] contenu;
        using (var memoire = new MemoryStream())
        {
            await ecrire(memoire, ct);
            contenu = memoire.ToArray();
        }

        ct.ThrowIfCancellationRequested();
        var document = new DocumentConserve(evenement, Maintenant + options.Value.DureeConservation, nomFichier, typeContenu, protecteur.Protect(contenu), bilan, retour);
        db.DocumentsConserves.Add(document);
        return (document, contenu);
    }

    /// <summary>Le document tel que la page de résultat le décrit (sans son contenu), s'il est à la personne.</summary>
    public async Task<DocumentConserve> LireAsync(Portee portee, long id, CancellationToken ct = default)
    {
        portee.Exiger(Operation.ConsulterComptes);
        var document = await db.DocumentsConserves.AsNoTracking().Include(d => d.Evenement).SingleOrDefaultAsync(d => d.Id == id, ct);
        return document is not null && Accessible(portee, document)
            ? document
            : throw new ErreurMetier("Ce document n'existe pas ou ne vous est pas accessible.", CodeErreur.Introuvable);
    }

    /// <summary>
    /// Les octets du document. Le premier téléchargement fait partie de l'action (déjà journalisée) ; chaque suivant
    /// ajoute une entrée « Nouveau téléchargement » liée aux mêmes comptes.
    /// </summary>
    public async Task<FichierDocument> TelechargerAsync(Portee portee, long id, CancellationToken ct = default)
    {
        portee.Exiger(Operation.ConsulterComptes);
        var document = await LireAsync(portee, id, ct);
        if (document.EstExpire(Maintenant))
        {
            throw new ErreurMetier(
                $"Ce document n'est plus conservé : il l'était jusqu'au {Libelles.DateHeure(document.ExpireLe)}. Refaites l'action depuis la recherche pour en obtenir un nouveau.",
                CodeErreur.Invalide);
        }

        var contenu = protecteur.Unprotect(document.ContenuChiffre);
        var premier = await db.DocumentsConserves.Where(d => d.Id == id && !d.Telecharge)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Telecharge, true), ct) == 1;
        if (!premier)
        {
            var comptes = await db.EvenementComptes.Where(e => e.EvenementId == document.EvenementId).Select(e => e.CompteId).ToListAsync(ct);
            EcritureJournal.Consigner(db, portee, Maintenant, ActionJournal.NouveauTelechargement, document.Evenement.Canal, comptes,
                $"{document.NomFichier}, produit le {Libelles.DateHeure(document.Date)} par {document.Auteur}");
            await db.SaveChangesAsync(ct);
        }

        return new FichierDocument(document.NomFichier, document.TypeContenu, contenu);
    }

    /// <summary>Les documents encore conservés de ces entrées du journal (liens « Télécharger à nouveau » du Journal).</summary>
    public async Task<IReadOnlyDictionary<long, long>> ParEvenementAsync(Portee portee, IReadOnlyCollection<long> evenements, CancellationToken ct = default)
    {
        portee.Exiger(Operation.ConsulterComptes);
        var maintenant = Maintenant;
        var documents = await db.DocumentsConserves.AsNoTracking()
            .Where(d => evenements.Contains(d.EvenementId) && d.EtablissementId == portee.EtablissementId && d.ExpireLe > maintenant)
            .Select(d => new { d.EvenementId, d.Id, d.Auteur })
            .ToListAsync(ct);
        return documents.Where(d => !portee.EstEnseignant || d.Auteur == portee.Auteur).ToDictionary(d => d.EvenementId, d => d.Id);
    }

    /// <summary>Efface les documents expirés (appelé par la purge périodique) ; rend leur nombre.</summary>
    public Task<int> SupprimerExpiresAsync(CancellationToken ct = default)
    {
        var maintenant = Maintenant;
        return db.DocumentsConserves.Where(d => d.ExpireLe <= maintenant).ExecuteDeleteAsync(ct);
    }

    // A teacher's scope is his classes: he gets back only what he produced; every other role sees the whole school.
    private static bool Accessible(Portee portee, DocumentConserve document) =>
        document.EtablissementId == portee.EtablissementId && (!portee.EstEnseignant || document.Auteur == portee.Auteur);
}
