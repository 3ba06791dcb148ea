using Credentials.Core.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Credentials.Core.Data;

/// <summary>Le magasin des comptes : SQLite (par défaut) ou PostgreSQL, même modèle, mêmes migrations.</summary>
public class CredentialsDbContext(DbContextOptions<CredentialsDbContext> options) : IdentityDbContext<Utilisateur>(options), IDataProtectionKeyContext
{
    /// <summary>Les clés Data Protection partagées par toutes les instances quand la base est PostgreSQL.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Etablissement> Etablissements => Set<Etablissement>();

    public DbSet<Compte> Comptes => Set<Compte>();

    public DbSet<Classe> Classes => Set<Classe>();

    public DbSet<Responsabilite> Responsabilites => Set<Responsabilite>();

    public DbSet<Evenement> Evenements => Set<Evenement>();

    public DbSet<EvenementCompte> EvenementComptes => Set<EvenementCompte>();

    public DbSet<Affectation> Affectations => Set<Affectation>();

    public DbSet<DocumentConserve> DocumentsConserves => Set<DocumentConserve>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CredentialsDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL, and reordering the enum can't corrupt data.
        configurationBuilder.Properties<Profil>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<EtatCompte>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<OrigineCompte>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<LienParente>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<RoleConsole>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ActionJournal>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ObjetLien>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<ModeCourriel>().HaveConversion<string>().HaveMaxLength(16);

        // Every instant is UTC; SQLite forgets the kind, so it is restored on the way back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    /// <summary>Le convertisseur des instants (public : les modèles compilés des projets de migrations le créent).</summary>
    public sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
