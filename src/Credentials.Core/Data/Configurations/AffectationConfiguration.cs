using Credentials.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Credentials.Core.Data.Configurations;

internal sealed class AffectationConfiguration : IEntityTypeConfiguration<Affectation>
{
    public void Configure(EntityTypeBuilder<Affectation> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasOne<Utilisateur>().WithMany(u => u.Affectations).HasForeignKey(a => a.UtilisateurId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Etablissement).WithMany().HasForeignKey(a => a.EtablissementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.UtilisateurId, a.EtablissementId }).IsUnique();
        builder.HasMany(a => a.Classes).WithOne().HasForeignKey(c => c.AffectationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AffectationClasseConfiguration : IEntityTypeConfiguration<AffectationClasse>
{
    public void Configure(EntityTypeBuilder<AffectationClasse> builder)
    {
        builder.HasKey(a => new { a.AffectationId, a.ClasseId });
        builder.HasOne(a => a.Classe).WithMany().HasForeignKey(a => a.ClasseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UtilisateurConfiguration : IEntityTypeConfiguration<Utilisateur>
{
    public void Configure(EntityTypeBuilder<Utilisateur> builder) => builder.Property(u => u.NomAffiche).HasMaxLength(200);
}
