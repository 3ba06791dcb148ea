using Credentials.Core.Data;
using Credentials.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Credentials.Tests.Infrastructure;

/// <summary>
/// The console's usual test scene: school A with its director, secretary and a 6A teacher, school B with its own
/// director — to act as each role and to try to cross each line.
/// </summary>
public abstract class DeuxEtablissements(int elevesA, int elevesB) : IAsyncLifetime
{
    protected const string Directrice = "directrice@college-a.test";
    protected const string Secretaire = "secretaire@college-a.test";
    protected const string Enseignant = "prof-6a@college-a.test";
    protected const string DirecteurB = "directeur@college-b.test";

    protected ApplicationDeTest app = null!;
    protected int etablissementA;
    protected int etablissementB;

    public async Task InitializeAsync()
    {
        app = await ApplicationDeTest.CreerAsync();
        etablissementA = (await app.CreerEtablissementAsync("0999999Z", elevesA)).Etablissement.Id;
        etablissementB = (await app.CreerEtablissementAsync("0888888Y", elevesB, graine: 7)).Etablissement.Id;
        await app.CreerAsync(Directrice, RoleConsole.Directeur, etablissementA);
        await app.CreerAsync(Secretaire, RoleConsole.Secretaire, etablissementA);
        await app.CreerAsync(Enseignant, RoleConsole.Enseignant, etablissementA, "6A");
        await app.CreerAsync(DirecteurB, RoleConsole.Directeur, etablissementB);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    /// <summary>The school's row as saved now (settings, version).</summary>
    protected async Task<Etablissement> EtablissementAsync(int id)
    {
        await using var scope = app.Portee();
        return await scope.ServiceProvider.GetRequiredService<CredentialsDbContext>().Etablissements.AsNoTracking().SingleAsync(e => e.Id == id);
    }
}
