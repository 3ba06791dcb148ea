using Credentials.Core.Courriels;
using Credentials.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Credentials.Core.Data.Configurations;

internal sealed class CampagneConfiguration : IEntityTypeConfiguration<Campagne>
{
    public void Configure(EntityTypeBuilder<Campagne> builder)
    {
        builder.ToTable("Campagnes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Auteur).HasMaxLength(256);
        builder.Property(c => c.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Libelle).HasMaxLength(300);
        builder.HasOne<Etablissement>().WithMany().HasForeignKey(c => c.EtablissementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.EtablissementId, c.CreeLe });
    }
}
