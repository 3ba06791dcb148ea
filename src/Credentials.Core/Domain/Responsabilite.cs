namespace Credentials.Core.Domain;

/// <summary>Le lien entre un responsable et un élève, avec la parenté et le rang légal (1, 2 ; 0 = inconnu).</summary>
public class Responsabilite
{
    private Responsabilite()
    {
    }

    public Responsabilite(Compte responsable, Compte eleve, LienParente lien, int rangLegal)
    {
        Responsable = responsable;
        Eleve = eleve;
        Lien = lien;
        RangLegal = rangLegal;
    }

    public long Id { get; private set; }

    public long ResponsableId { get; private set; }

    public Compte Responsable { get; private set; } = null!;

    public long EleveId { get; private set; }

    public Compte Eleve { get; private set; } = null!;

    public LienParente Lien { get; private set; }

    public int RangLegal { get; private set; }

    public void Modifier(LienParente lien, int rangLegal)
    {
        Lien = lien;
        RangLegal = rangLegal;
    }
}
