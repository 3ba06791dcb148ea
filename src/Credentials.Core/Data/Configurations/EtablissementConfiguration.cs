using Credentials.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Credentials.Core.Data.Configurations;

internal sealed class EtablissementConfiguration : IEntityTypeConfiguration<Etablissement>
{
    public void Configure(EntityTypeBuilder<Etablissement> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Uai).HasMaxLength(8);
        builder.Property(e => e.Nom).HasMaxLength(200);
        builder.Property(e => e.Ville).HasMaxLength(100);
        builder.Property(e => e.NomChef).HasMaxLength(200);
        builder.Property(e => e.PortailUrl).HasMaxLength(300);
        builder.Property(e => e.CourrielExpediteur).HasMaxLength(254);
        builder.Property(e => e.TexteCourrier).HasMaxLength(2000);
        builder.Property(e => e.TexteContact).HasMaxLength(500);
        builder.Property(e => e.Relances).HasMaxLength(200);
        builder.Ignore(e => e.CalendrierRelances);
        builder.Property(e => e.ContactDonneesPersonnelles).HasMaxLength(500);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => e.Uai).IsUnique();
    }
}
