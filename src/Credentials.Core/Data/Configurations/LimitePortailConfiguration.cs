using Credentials.Core.Portail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Credentials.Core.Data.Configurations;

internal sealed class LimitePortailConfiguration : IEntityTypeConfiguration<LimitePortail>
{
    public void Configure(EntityTypeBuilder<LimitePortail> builder)
    {
        builder.ToTable("LimitesPortail");
        builder.HasKey(l => l.Cle);
        builder.Property(l => l.Cle).HasMaxLength(LimitePortail.LongueurCle);
        builder.Property(l => l.Version).IsConcurrencyToken();

        // The purge deletes windows that ended long ago.
        builder.HasIndex(l => l.DebutFenetre);
    }
}
