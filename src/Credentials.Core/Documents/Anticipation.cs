namespace Credentials.Core.Documents;

/// <summary>
/// Calcule sur le pool de threads, quelques éléments d'avance, ce que le consommateur utilisera
/// ensuite (un QR code, le PDF d'une personne), et le lui rend dans l'ordre d'entrée. Si aucun
/// thread du pool n'a encore pris l'élément demandé, le consommateur le calcule lui-même au lieu
/// d'attendre. La fenêtre bornée garde la mémoire plate quelle que soit la longueur de la suite.
/// </summary>
internal sealed class Anticipation<TEntree, TSortie>(Func<TEntree, TSortie> calcul, int fenetre)
{
    private readonly Queue<Travail> enCours = new();

    public static int FenetreParDefaut => Environment.ProcessorCount * 4;

    public int Count => enCours.Count;

    /// <summary>Vrai quand la fenêtre est dépassée : le consommateur doit retirer avant d'ajouter.</summary>
    public bool Pleine => enCours.Count > fenetre;

    public void Ajouter(TEntree entree)
    {
        var travail = new Travail(entree, calcul);
        enCours.Enqueue(travail);
        ThreadPool.UnsafeQueueUserWorkItem(static t => t.Executer(), travail, preferLocal: false);
    }

    /// <summary>Le plus ancien élément et son résultat (ses erreurs remontent ici).</summary>
    public (TEntree Entree, TSortie Sortie) Retirer()
    {
        var travail = enCours.Dequeue();
        travail.Executer();
        return (travail.Entree, travail.Resultat.GetAwaiter().GetResult());
    }

    public async Task<(TEntree Entree, TSortie Sortie)> RetirerAsync()
    {
        var travail = enCours.Dequeue();
        travail.Executer();
        return (travail.Entree, await travail.Resultat.ConfigureAwait(false));
    }

    /// <summary>Un calcul que le premier arrivé exécute : un thread du pool ou le consommateur.</summary>
    private sealed class Travail(TEntree entree, Func<TEntree, TSortie> calcul)
    {
        private readonly TaskCompletionSource<TSortie> fin = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int pris;

        public TEntree Entree => entree;

        public Task<TSortie> Resultat => fin.Task;

        public void Executer()
        {
            if (Interlocked.Exchange(ref pris, 1) != 0)
            {
                return;
            }

            try
            {
                fin.SetResult(calcul(entree));
            }
            catch (Exception erreur)
            {
                fin.SetException(erreur);
            }
        }
    }
}
