using Credentials.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Credentials.Core.Data.Configurations;

internal sealed class DocumentConserveConfiguration : IEntityTypeConfiguration<DocumentConserve>
{
    public void Configure(EntityTypeBuilder<DocumentConserve> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Auteur).HasMaxLength(256);
        builder.Property(d => d.NomFichier).HasMaxLength(256);
        builder.Property(d => d.TypeContenu).HasMaxLength(64);
        builder.Property(d => d.Bilan).HasMaxLength(1000);
        builder.Property(d => d.Retour).HasMaxLength(4000);
        builder.HasOne(d => d.Evenement).WithMany().HasForeignKey(d => d.EvenementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Etablissement>().WithMany().HasForeignKey(d => d.EtablissementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.ExpireLe);
    }
}
