using Credentials.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Credentials.Core.Data.Configurations;

internal sealed class ResponsabiliteConfiguration : IEntityTypeConfiguration<Responsabilite>
{
    public void Configure(EntityTypeBuilder<Responsabilite> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasOne(r => r.Responsable).WithMany(c => c.Enfants).HasForeignKey(r => r.ResponsableId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Eleve).WithMany(c => c.Responsables).HasForeignKey(r => r.EleveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ResponsableId, r.EleveId }).IsUnique();
        builder.HasIndex(r => r.EleveId);
    }
}
