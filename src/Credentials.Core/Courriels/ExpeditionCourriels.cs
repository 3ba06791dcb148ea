using System.Data.Common;
using Credentials.Core.Data;
using Credentials.Core.Domain;
using Credentials.Core.Exploitation;
using Credentials.Core.Secrets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Credentials.Core.Courriels;

/// <summary>
/// L'expéditeur de la boîte d'envoi : plusieurs travailleurs (<c>Mail:Workers</c>), chacun avec sa propre
/// connexion SMTP, réservent des lots de messages dus (<see cref="ReclamationMessages"/>), les envoient
/// au débit permis et notent chaque issue aussitôt.
/// <list type="bullet">
/// <item>250 : Envoye, noté juste après la réponse du serveur.</item>
/// <item>4xx, serveur injoignable, délai dépassé : EnEchec, nouvelle tentative après 1 min, 2, 4… (plafond
/// <c>Mail:MaxRetryDelay</c>) ; Abandonne passé <c>Mail:MaxLifetime</c>.</item>
/// <item>5xx : Abandonne aussitôt, la réponse du serveur gardée.</item>
/// </list>
/// Un arrêt propre rend les messages réservés mais pas encore tentés. Le seul doublon possible : une
/// panne (processus tué, base injoignable) entre l'acceptation par le serveur et l'écriture du statut ;
/// le bail expire, un autre travailleur renvoie le message avec le même Message-ID, ce qui permet aux
/// serveurs et aux clients de messagerie de reconnaître le doublon.
/// </summary>
public sealed class ExpeditionCourriels(
    IServiceScopeFactory scopes,
    IOptions<OptionsCourriels> options,
    FabriqueTransports transports,
    ReveilExpedition reveil,
    TimeProvider horloge,
    ILogger<ExpeditionCourriels> logger) : BackgroundService
{
    private readonly OptionsCourriels o = options.Value;

    /// <summary>Le nom de cette instance dans les baux : machine, processus et un tirage (plusieurs hôtes par processus en test).</summary>
    public string Instance { get; } = $"{Environment.MachineName[..Math.Min(Environment.MachineName.Length, 60)]}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    private enum Issue
    {
        Envoye,
        Echec,
        ServeurInjoignable,
    }

    private DateTime Maintenant => horloge.GetUtcNow().UtcDateTime;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!o.DispatcherEnabled)
        {
            logger.LogInformation("Mail dispatcher disabled on this instance (Mail:DispatcherEnabled = false)");
            return;
        }

        var limiteur = new LimiteurDebit(o.RatePerSecond);
        logger.LogInformation(
            "Mail dispatcher {Instance} started: {Workers} workers, transport {Transport}, at most {Rate} messages/s",
            Instance, o.Workers, o.Transport, o.RatePerSecond > 0 ? o.RatePerSecond : double.PositiveInfinity);
        var travailleurs = Enumerable.Range(1, Math.Max(1, o.Workers))
            .Select(n => Task.Run(() => TravaillerAsync($"{Instance}/{n}", limiteur, stoppingToken), CancellationToken.None));
        await Task.WhenAll(travailleurs);
        logger.LogInformation("Mail dispatcher {Instance} stopped", Instance);
    }

    private async Task TravaillerAsync(string travailleur, LimiteurDebit limiteur, CancellationToken arret)
    {
        using var connexion = new Connexion(transports);
        while (!arret.IsCancellationRequested)
        {
            bool encore;
            try
            {
                encore = await TraiterUnLotAsync(travailleur, connexion, limiteur, arret);
            }
            catch (OperationCanceledException) when (arret.IsCancellationRequested)
            {
                break;
            }
            catch (Exception erreur)
            {
                logger.LogError(erreur, "Mail worker {Worker} failed while processing a batch", travailleur);
                encore = false;
            }

            if (!encore)
            {
                // An idle server may drop the connection: start the next batch on a fresh one.
                connexion.Fermer();
                try
                {
                    await reveil.AttendreAsync(o.PollInterval, arret);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Un lot : réserver, envoyer un à un, rendre ce qui n'a pas été tenté. true s'il faut enchaîner aussitôt.</summary>
    private async Task<bool> TraiterUnLotAsync(string travailleur, Connexion connexion, LimiteurDebit limiteur, CancellationToken arret)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CredentialsDbContext>();
        var debut = Maintenant;
        var bail = debut + o.Lease;
        // Not cancelled by shutdown: a claim interrupted after its UPDATE would leave rows leased to nobody.
        var ids = await ReclamationMessages.ReclamerAsync(db, travailleur, debut, bail, o.BatchSize, CancellationToken.None);
        if (ids.Count == 0)
        {
            return false;
        }

        var restants = new Queue<MessageSortant>(await db.Set<MessageSortant>().AsNoTracking()
            .Where(m => ids.Contains(m.Id))
            .OrderBy(m => m.ProchaineTentative).ThenBy(m => m.Id)
            .ToListAsync(CancellationToken.None));
        var serveurInjoignable = false;
        var contacts = new Dictionary<int, string?>();
        try
        {
            // Stop before the lease could run out mid-send: another worker may then take the rest.
            while (!serveurInjoignable && restants.Count > 0 && !arret.IsCancellationRequested && Maintenant + o.Smtp.Timeout < bail)
            {
                await limiteur.AttendreAsync(arret);
                var issue = await EnvoyerAsync(scope.ServiceProvider, db, restants.Dequeue(), travailleur, connexion, contacts);
                serveurInjoignable = issue == Issue.ServeurInjoignable;
            }
        }
        catch (OperationCanceledException) when (arret.IsCancellationRequested)
        {
            // Stopping: what was not attempted goes back to the queue below.
        }
        finally
        {
            if (restants.Count > 0)
            {
                await LibererAsync(db, restants.Select(m => m.Id).ToList(), travailleur);
            }
        }

        return !serveurInjoignable;
    }

    private async Task<Issue> EnvoyerAsync(IServiceProvider services, CredentialsDbContext db, MessageSortant message, string travailleur, Connexion connexion, Dictionary<int, string?> contacts)
    {
        MimeMessage courriel;
        try
        {
            courriel = await ComposerAsync(services, db, message, contacts);
        }
        catch (Exception erreur)
        {
            logger.LogError(erreur, "Message {MessageId} of campaign {CampagneId} could not be composed", message.Id, message.CampagneId);
            await MarquerEchecAsync(db, message, travailleur, new EchecEnvoi(false, false, "Composition impossible : " + erreur.Message));
            return Issue.Echec;
        }

        using (courriel)
        {
            try
            {
                // Not cancelled by shutdown: a message handed to the server is seen through to its reply.
                await connexion.EnvoyerAsync(courriel);
            }
            catch (Exception erreur)
            {
                // A refused message (4xx/5xx reply) leaves the connection usable; anything else is reconnected.
                if (erreur is not MailKit.Net.Smtp.SmtpCommandException)
                {
                    connexion.Fermer();
                }

                var echec = ClassementEchecs.Classer(erreur);
                Metriques.CourrielsEchecs.Add(1);
                await MarquerEchecAsync(db, message, travailleur, echec);
                return echec.Connexion ? Issue.ServeurInjoignable : Issue.Echec;
            }
        }

        await MarquerEnvoyeAsync(db, message, travailleur);
        Metriques.CourrielsEnvoyes.Add(1);
        return Issue.Envoye;
    }

    private async Task<MimeMessage> ComposerAsync(IServiceProvider services, CredentialsDbContext db, MessageSortant message, Dictionary<int, string?> contacts)
    {
        var coffre = services.GetRequiredService<ICoffreSecrets>();
        var texte = message.CorpsChiffres ? coffre.Dechiffrer(message.CorpsTexte) : message.CorpsTexte;
        var html = message.CorpsChiffres ? coffre.Dechiffrer(message.CorpsHtml) : message.CorpsHtml;
        var pieces = BoiteEnvoi.LirePiecesJointes(message.PiecesJointes);
        IReadOnlyList<PieceJointeRendue> rendues = [];
        if (pieces.Count > 0)
        {
            rendues = await services.GetRequiredService<IRenduPiecesJointes>().RendreAsync(message.EtablissementId, pieces, CancellationToken.None);
        }

        // Subject and sender name are computed now from the school's current name, on one line whatever older data holds.
        var nom = await db.Etablissements.Where(e => e.Id == message.EtablissementId).Select(e => e.Nom).SingleOrDefaultAsync(CancellationToken.None)
            ?? message.NomExpediteur ?? "";
        nom = string.Concat(nom.Where(c => !char.IsControl(c)));
        if (!contacts.TryGetValue(message.EtablissementId, out var contact))
        {
            var texteContact = await db.Etablissements.Where(e => e.Id == message.EtablissementId).Select(e => e.TexteContact).SingleOrDefaultAsync(CancellationToken.None);
            contact = contacts[message.EtablissementId] = AdresseCourriel.Extraire(texteContact);
        }

        return CompositionCourriel.Composer(message, nom, texte, html, rendues, contact);
    }

    private async Task MarquerEnvoyeAsync(CredentialsDbContext db, MessageSortant message, string travailleur)
    {
        var maintenant = Maintenant;
        // The server has the message: losing this write would mean sending it again, so it is retried a little.
        for (var essai = 1; ; essai++)
        {
            try
            {
                var notes = await db.Set<MessageSortant>()
                    .Where(m => m.Id == message.Id && m.BailProprietaire == travailleur && m.Statut == StatutMessage.EnCours)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.Statut, StatutMessage.Envoye)
                        .SetProperty(m => m.EnvoyeLe, maintenant)
                        .SetProperty(m => m.DerniereTentativeLe, maintenant)
                        .SetProperty(m => m.Tentatives, m => m.Tentatives + 1)
                        .SetProperty(m => m.BailProprietaire, (string?)null)
                        .SetProperty(m => m.BailJusqua, (DateTime?)null));
                if (notes == 0)
                {
                    logger.LogWarning("Message {MessageId} was sent after its lease had been taken over: it may be delivered twice", message.Id);
                }

                logger.LogDebug("Message {MessageId} of campaign {CampagneId} sent", message.Id, message.CampagneId);
                return;
            }
            catch (Exception erreur) when (essai < 3 && erreur is DbException or InvalidOperationException)
            {
                logger.LogWarning(erreur, "Could not mark message {MessageId} as sent (attempt {Attempt}); retrying", message.Id, essai);
                await Task.Delay(TimeSpan.FromSeconds(essai));
            }
        }
    }

    private async Task MarquerEchecAsync(CredentialsDbContext db, MessageSortant message, string travailleur, EchecEnvoi echec)
    {
        var maintenant = Maintenant;
        var tentatives = message.Tentatives + 1;
        var abandon = echec.Definitif || maintenant - message.EnFileDepuis >= o.MaxLifetime;
        var statut = abandon ? StatutMessage.Abandonne : StatutMessage.EnEchec;
        var prochaine = maintenant + Delai(tentatives);
        await db.Set<MessageSortant>()
            .Where(m => m.Id == message.Id && m.BailProprietaire == travailleur && m.Statut == StatutMessage.EnCours)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Statut, statut)
                .SetProperty(m => m.Tentatives, tentatives)
                .SetProperty(m => m.ProchaineTentative, prochaine)
                .SetProperty(m => m.DerniereTentativeLe, maintenant)
                .SetProperty(m => m.DerniereErreur, echec.Reponse)
                .SetProperty(m => m.BailProprietaire, (string?)null)
                .SetProperty(m => m.BailJusqua, (DateTime?)null));
        if (abandon)
        {
            logger.LogWarning(
                "Message {MessageId} of campaign {CampagneId} abandoned after {Attempts} attempts: {Reply}",
                message.Id, message.CampagneId, tentatives, echec.Reponse);
        }
        else
        {
            logger.LogWarning(
                "Message {MessageId} of campaign {CampagneId} failed (attempt {Attempts}), next attempt at {NextAttempt:o}: {Reply}",
                message.Id, message.CampagneId, tentatives, prochaine, echec.Reponse);
        }
    }

    private async Task LibererAsync(CredentialsDbContext db, List<long> ids, string travailleur)
    {
        await db.Set<MessageSortant>()
            .Where(m => ids.Contains(m.Id) && m.BailProprietaire == travailleur && m.Statut == StatutMessage.EnCours)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Statut, m => m.Tentatives > 0 ? StatutMessage.EnEchec : StatutMessage.EnAttente)
                .SetProperty(m => m.BailProprietaire, (string?)null)
                .SetProperty(m => m.BailJusqua, (DateTime?)null));
    }

    /// <summary>1 min, 2, 4, 8… plafonné (Mail:RetryDelay, Mail:MaxRetryDelay).</summary>
    internal TimeSpan Delai(int tentatives)
    {
        var facteur = Math.Pow(2, Math.Clamp(tentatives - 1, 0, 30));
        var delai = TimeSpan.FromTicks((long)Math.Min(o.RetryDelay.Ticks * facteur, o.MaxRetryDelay.Ticks));
        return delai < o.RetryDelay ? o.RetryDelay : delai;
    }

    /// <summary>La connexion d'un travailleur, ouverte au premier envoi, refermée après une erreur ou un creux.</summary>
    private sealed class Connexion(FabriqueTransports fabrique) : IDisposable
    {
        private ITransportCourriel? transport;

        public Task EnvoyerAsync(MimeMessage courriel) => (transport ??= fabrique.Creer()).EnvoyerAsync(courriel, CancellationToken.None);

        public void Fermer()
        {
            try
            {
                transport?.Dispose();
            }
            catch (ObjectDisposedException)
            {
                // Already closed: nothing left to do (the transport itself ignores a dropped connection).
            }

            transport = null;
        }

        public void Dispose() => Fermer();
    }
}
