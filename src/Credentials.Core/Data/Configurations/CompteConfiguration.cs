using Credentials.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Credentials.Core.Data.Configurations;

internal sealed class CompteConfiguration : IEntityTypeConfiguration<Compte>
{
    public void Configure(EntityTypeBuilder<Compte> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Nom).HasMaxLength(100);
        builder.Property(c => c.Prenom).HasMaxLength(100);
        builder.Property(c => c.Civilite).HasMaxLength(10);
        builder.Property(c => c.Recherche).HasMaxLength(300);
        builder.Property(c => c.Identifiant).HasMaxLength(Identifiants.LongueurMax);
        builder.Property(c => c.IdentifiantRacine).HasMaxLength(Identifiants.LongueurMax);
        builder.Property(c => c.Courriel).HasMaxLength(254);
        builder.Property(c => c.MotDePasseProvisoireChiffre).HasMaxLength(400);
        builder.Property(c => c.MotDePasseHash).HasMaxLength(200);
        builder.Property(c => c.CodeRenouvellementHash).HasMaxLength(200);
        builder.Property(c => c.LienHash).HasMaxLength(64);
        builder.Property(c => c.Langue).HasMaxLength(8);
        builder.Property(c => c.CodeMef).HasMaxLength(20);
        builder.Property(c => c.LibelleMef).HasMaxLength(200);
        builder.Property(c => c.EtablissementRattachement).HasMaxLength(200);
        builder.Property(c => c.CleImport).HasMaxLength(100);
        builder.Property(c => c.Ine).HasMaxLength(20);
        builder.Property(c => c.BloquePar).HasMaxLength(256);
        builder.Property(c => c.MotifBlocage).HasMaxLength(Compte.LongueurMaxMotifBlocage);
        builder.Ignore(c => c.BloqueParEtablissement);
        builder.Property(c => c.Version).IsConcurrencyToken();

        builder.HasOne(c => c.Etablissement).WithMany().HasForeignKey(c => c.EtablissementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Classe).WithMany().HasForeignKey(c => c.ClasseId).OnDelete(DeleteBehavior.SetNull);

        builder.HasIndex(c => c.Identifiant).IsUnique();
        builder.HasIndex(c => c.IdentifiantRacine);
        // A page of the console's search takes its ids from this index alone, in order, testing the folded name and the
        // state there (RechercheComptes.PageAsync); SQLite has no included columns and reads the rows.
        var page = builder.HasIndex(c => new { c.EtablissementId, c.Profil, c.Nom, c.Prenom, c.Id });
        NpgsqlIndexBuilderExtensions.IncludeProperties(page, c => new { c.Recherche, c.Etat });
        SqlServerIndexBuilderExtensions.IncludeProperties(page, c => new { c.Recherche, c.Etat });
        builder.HasIndex(c => new { c.EtablissementId, c.Profil, c.Etat });
        // The name search (« q ») and its count read the school's folded names from this index alone, not from the rows.
        builder.HasIndex(c => new { c.EtablissementId, c.Profil, c.Recherche });
        builder.HasIndex(c => new { c.EtablissementId, c.ClasseId });
        builder.HasIndex(c => new { c.EtablissementId, c.CleImport });
        builder.HasIndex(c => c.LienHash).IsUnique();
    }
}
