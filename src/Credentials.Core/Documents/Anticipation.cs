namespace Credentials.Core.Documents;

/// <summary>
/// Calcule sur le pool de threads, quelques éléments d'avance, ce que le consommateur utilisera
/// ensuite (un QR code, le PDF d'une personne), et le lui rend dans l'ordre d'entrée. La fenêtre
/// bornée garde la mémoire plate quelle que soit la longueur de la suite.
/// </summary>
internal sealed class Anticipation<TEntree, TSortie>(Func<TEntree, TSortie> calcul, int fenetre)
{
    private readonly Queue<(TEntree Entree, Task<TSortie> Sortie)> enCours = new();

    public static int FenetreParDefaut => Environment.ProcessorCount * 4;

    public int Count => enCours.Count;

    /// <summary>Vrai quand la fenêtre est dépassée : le consommateur doit retirer avant d'ajouter.</summary>
    public bool Pleine => enCours.Count > fenetre;

    public void Ajouter(TEntree entree) => enCours.Enqueue((entree, Task.Run(() => calcul(entree))));

    /// <summary>Le plus ancien élément et son résultat, en attendant qu'il soit prêt (ses erreurs remontent ici).</summary>
    public (TEntree Entree, TSortie Sortie) Retirer()
    {
        var (entree, sortie) = enCours.Dequeue();
        return (entree, sortie.GetAwaiter().GetResult());
    }

    public async Task<(TEntree Entree, TSortie Sortie)> RetirerAsync()
    {
        var (entree, sortie) = enCours.Dequeue();
        return (entree, await sortie.ConfigureAwait(false));
    }
}
