using Credentials.Core.Courriels;
using Credentials.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Credentials.Core.Data.Configurations;

internal sealed class MessageSortantConfiguration : IEntityTypeConfiguration<MessageSortant>
{
    public void Configure(EntityTypeBuilder<MessageSortant> builder)
    {
        // The claim query of ReclamationMessages names this table and its columns: keep them in step.
        builder.ToTable("MessagesSortants");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Destinataire).HasMaxLength(AdresseCourriel.LongueurMax);
        builder.Property(m => m.NomDestinataire).HasMaxLength(200);
        builder.Property(m => m.Expediteur).HasMaxLength(AdresseCourriel.LongueurMax);
        builder.Property(m => m.NomExpediteur).HasMaxLength(200);
        builder.Property(m => m.Sujet).HasMaxLength(300);
        builder.Property(m => m.Statut).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.BailProprietaire).HasMaxLength(120);
        builder.Property(m => m.DerniereErreur).HasMaxLength(2000);
        builder.Property(m => m.MessageId).HasMaxLength(200);

        builder.HasOne(m => m.Campagne).WithMany().HasForeignKey(m => m.CampagneId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Etablissement>().WithMany().HasForeignKey(m => m.EtablissementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Compte>().WithMany().HasForeignKey(m => m.CompteId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(m => m.Comptes).WithOne(c => c.Message).HasForeignKey(c => c.MessageSortantId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Comptes).HasField("comptes");

        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.HasIndex(m => new { m.Statut, m.ProchaineTentative });
        builder.HasIndex(m => new { m.CampagneId, m.Statut });
        builder.HasIndex(m => m.CompteId);
    }
}

internal sealed class MessageCompteConfiguration : IEntityTypeConfiguration<MessageCompte>
{
    public void Configure(EntityTypeBuilder<MessageCompte> builder)
    {
        builder.ToTable("MessagesSortantsComptes");
        builder.HasKey(c => new { c.MessageSortantId, c.CompteId });
        builder.HasOne<Compte>().WithMany().HasForeignKey(c => c.CompteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.CompteId);
    }
}
