namespace Credentials.Core.Courriels;

/// <summary>Comment les courriels partent : dans un dossier (développement) ou vers un serveur SMTP.</summary>
public enum TransportCourriel
{
    /// <summary>Fichiers .eml écrits dans <see cref="OptionsCourriels.PickupDirectory"/> ; rien ne sort de la machine.</summary>
    Pickup = 1,

    /// <summary>Un serveur SMTP (relais de l'académie, Mailpit en développement).</summary>
    Smtp = 2,
}

/// <summary>Section de configuration « Mail ».</summary>
public sealed class OptionsCourriels
{
    public const string Section = "Mail";

    public TransportCourriel Transport { get; set; } = TransportCourriel.Pickup;

    /// <summary>Dossier des .eml en mode Pickup ; par défaut <c>&lt;dossier de données&gt;/mail-pickup</c>.</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>Les .eml du dossier Pickup (mots de passe en clair) sont effacés passé ce délai (7 jours par défaut).</summary>
    public TimeSpan PickupRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Expéditeur du déploiement, quand l'établissement n'a pas réglé le sien.</summary>
    public string From { get; set; } = "credentials@localhost.localdomain";

    public OptionsSmtp Smtp { get; set; } = new();

    /// <summary>Expédier depuis cette instance (false : l'instance met en file, d'autres envoient).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>Connexions SMTP parallèles par instance (une connexion MailKit gardée ouverte chacune).</summary>
    public int Workers { get; set; } = 8;

    /// <summary>Débit maximal par instance, en messages par seconde ; 0 = sans limite.</summary>
    public double RatePerSecond { get; set; } = 100;

    /// <summary>Au-delà, un message en échec passager est abandonné (48 h par défaut).</summary>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Premier délai avant une nouvelle tentative ; il double à chaque échec.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attente entre deux recherches de messages quand la file est vide (un envoi de cette instance réveille aussitôt).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Durée du bail d'un lot réservé : au-delà, un autre expéditeur peut le reprendre (instance tombée).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Messages réservés à la fois par un travailleur.</summary>
    public int BatchSize { get; set; } = 10;

    /// <summary>L'adresse du portail d'activation du déploiement (<c>Portail:Url</c>), quand l'établissement n'a pas la sienne.</summary>
    public string PortailUrl { get; set; } = "http://localhost:5080/portail";
}

/// <summary>Section « Mail:Smtp ».</summary>
public sealed class OptionsSmtp
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    /// <summary>
    /// Chiffrement de la connexion : <c>Aucune</c>, <c>StartTlsSiDisponible</c> (opportuniste),
    /// <c>StartTls</c> (exigé : refusé si le serveur ne le propose pas), <c>Tls</c> (TLS dès la connexion,
    /// port 465). Exigé dès que le relais n'est pas sur la machine. Sans réglage, <see cref="StartTls"/> décide.
    /// </summary>
    public SecuriteSmtp? Securite { get; set; }

    /// <summary>Ancien réglage : true = STARTTLS exigé, false = aucun chiffrement (quand <see cref="Securite"/> n'est pas réglé).</summary>
    public bool StartTls { get; set; }

    public SecuriteSmtp SecuriteEffective => Securite ?? (StartTls ? SecuriteSmtp.StartTls : SecuriteSmtp.Aucune);

    /// <summary>Identifiant d'authentification auprès du relais ; vide = pas d'authentification.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Le chiffrement de la connexion SMTP (<c>Mail:Smtp:Securite</c>).</summary>
public enum SecuriteSmtp
{
    Aucune,
    StartTlsSiDisponible,
    StartTls,
    Tls,
}
