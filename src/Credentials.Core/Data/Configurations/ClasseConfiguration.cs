using Credentials.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Credentials.Core.Data.Configurations;

internal sealed class ClasseConfiguration : IEntityTypeConfiguration<Classe>
{
    public void Configure(EntityTypeBuilder<Classe> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Code).HasMaxLength(50);
        builder.Property(c => c.Libelle).HasMaxLength(200);
        builder.Property(c => c.CleImport).HasMaxLength(50);
        builder.Property(c => c.CodeMef).HasMaxLength(20);
        builder.Property(c => c.LibelleMef).HasMaxLength(200);
        builder.Property(c => c.Niveau).HasMaxLength(50);
        builder.Ignore(c => c.Affichage);
        builder.HasOne(c => c.Etablissement).WithMany().HasForeignKey(c => c.EtablissementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.EtablissementId, c.Code }).IsUnique();
    }
}
