using Credentials.Core.Documents;

namespace Credentials.Tests.Documents;

public sealed class AnticipationTests
{
    [Fact]
    public void Les_resultats_calcules_en_parallele_reviennent_dans_l_ordre_d_entree()
    {
        var anticipation = new Anticipation<int, int>(n =>
        {
            Thread.SpinWait((100 - n) * 1000);
            return n * n;
        }, fenetre: 8);
        var sorties = new List<(int, int)>();

        for (var n = 0; n < 100; n++)
        {
            anticipation.Ajouter(n);
            while (anticipation.Pleine)
            {
                sorties.Add(anticipation.Retirer());
            }
        }

        while (anticipation.Count > 0)
        {
            sorties.Add(anticipation.Retirer());
        }

        Assert.Equal(Enumerable.Range(0, 100).Select(n => (n, n * n)), sorties);
    }

    [Fact]
    public async Task L_erreur_d_un_calcul_remonte_telle_quelle_quand_on_retire_son_element()
    {
        var anticipation = new Anticipation<int, int>(n => n == 2 ? throw new FormatException("élément 2") : n, fenetre: 4);
        for (var n = 0; n < 4; n++)
        {
            anticipation.Ajouter(n);
        }

        Assert.Equal((0, 0), anticipation.Retirer());
        Assert.Equal((1, 1), await anticipation.RetirerAsync());
        Assert.Equal("élément 2", Assert.Throws<FormatException>(() => anticipation.Retirer()).Message);
        Assert.Equal((3, 3), anticipation.Retirer());
    }
}
