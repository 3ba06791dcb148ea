using Credentials.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Credentials.Core.Data.Configurations;

internal sealed class EvenementConfiguration : IEntityTypeConfiguration<Evenement>
{
    public void Configure(EntityTypeBuilder<Evenement> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Auteur).HasMaxLength(256);
        // Stored as its code (« courrier »…), as before the enum: the column and its rows are unchanged.
        builder.Property(e => e.Canal).HasMaxLength(32).HasConversion(c => c!.Value.Code(), code => Libelles.CanalDe(code));
        builder.Property(e => e.Details).HasMaxLength(4000);
        builder.HasOne<Etablissement>().WithMany().HasForeignKey(e => e.EtablissementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.EtablissementId, e.Date });
    }
}

internal sealed class EvenementCompteConfiguration : IEntityTypeConfiguration<EvenementCompte>
{
    public void Configure(EntityTypeBuilder<EvenementCompte> builder)
    {
        builder.HasKey(e => new { e.EvenementId, e.CompteId });
        builder.HasOne(e => e.Evenement).WithMany().HasForeignKey(e => e.EvenementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Compte>().WithMany().HasForeignKey(e => e.CompteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.CompteId);
    }
}
