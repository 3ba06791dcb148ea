namespace Credentials.Core.Imports;

/// <summary>Réglages des imports (section de configuration « Imports »).</summary>
public sealed class OptionsImport
{
    public const string Section = "Imports";

    /// <summary>
    /// Taille maximale d'un fichier déposé, et du XML qu'une archive contient (20 Mo par défaut : l'export
    /// SIECLE d'un lycée de 2 500 élèves avec adresses en fait moins de 10).
    /// </summary>
    public long TailleMaxOctets { get; set; } = 20 * 1024 * 1024;

    /// <summary>Nombre de comptes créés par enregistrement, pour borner la mémoire des gros imports.</summary>
    public int TailleLot { get; set; } = 1000;
}
