using System.Net;
using Credentials.Core.Domain;
using Credentials.Tests.Infrastructure;

namespace Credentials.Tests.Familles;

/// <summary>« Paramètres › Relances et courriels » and the « Relances » page, over HTTP.</summary>
public sealed class ReglagesRelancesTests() : DeuxEtablissements(20, 5)
{
    private static List<KeyValuePair<string, string>> Formulaire(Etablissement e, string mode, string duree, string responsables, string eleves = "") =>
    [
        new("Version", e.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Mode", mode),
        new("DureeLienJours", duree),
        new("RelancesResponsable", responsables),
        new("RelancesEleve", eleves),
    ];

    [Fact]
    public async Task La_directrice_regle_le_lien_et_les_relances_et_une_saisie_fausse_ne_change_rien()
    {
        var client = await app.ConnecterAsync(Directrice);
        var avant = await EtablissementAsync(etablissementA);
        Assert.Equal((ModeCourriel.Lien, 14, null), (avant.ModeCourriel, avant.DureeLienActivationJours, avant.Relances));

        var refus = await ApplicationDeTest.PosterAsync(client, "/parametres/relances", "/parametres/relances", Formulaire(avant, "MotDePasse", "120", "21, 7"));
        Assert.Equal(HttpStatusCode.OK, refus.StatusCode);
        var page = WebUtility.HtmlDecode(await refus.Content.ReadAsStringAsync());
        Assert.Contains("Durée du lien d'activation : « 120 » n'est pas un nombre de jours entre 1 et 90.", page);
        Assert.Contains("Relances des responsables : Les délais doivent être croissants (par exemple « 7, 21 »).", page);
        Assert.Equal(avant.Version, (await EtablissementAsync(etablissementA)).Version);

        var ok = await ApplicationDeTest.PosterAsync(client, "/parametres/relances", "/parametres/relances", Formulaire(avant, "MotDePasse", "10", "7, 21", "7"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var apres = await EtablissementAsync(etablissementA);
        Assert.Equal((ModeCourriel.MotDePasse, 10), (apres.ModeCourriel, apres.DureeLienActivationJours));
        Assert.Equal([7, 21], apres.CalendrierRelances.Pour(Profil.Responsable));
        Assert.Equal([7], apres.CalendrierRelances.Pour(Profil.Eleve));
        Assert.Null((await EtablissementAsync(etablissementB)).Relances);

        var relances = WebUtility.HtmlDecode(await client.GetStringAsync("/relances"));
        Assert.Contains("responsables 7, 21 jours après la notification", relances);
        Assert.Contains("Aucune relance par courriel n'est encore partie.", relances);
    }

    [Fact]
    public async Task Une_secretaire_ne_regle_pas_les_relances()
    {
        var client = await app.ConnecterAsync(Secretaire);
        var reponse = await client.GetAsync("/parametres/relances");
        Assert.Equal(HttpStatusCode.Forbidden, reponse.StatusCode);
    }
}
