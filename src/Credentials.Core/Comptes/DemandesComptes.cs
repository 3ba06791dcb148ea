using Credentials.Core.Domain;

namespace Credentials.Core.Comptes;

/// <summary>(Re)notifier une sélection : avec ou sans nouveau mot de passe, par quel canal.</summary>
public sealed record DemandeNotification(CriteresComptes Criteres, bool Reinitialiser = false, Canal Canal = Canal.Courrier);

/// <summary>Bloquer (avec un motif facultatif) ou débloquer une sélection.</summary>
public sealed record DemandeBlocage(CriteresComptes Criteres, bool Bloquer, string? Motif = null);

/// <summary>Les fiches d'une sélection en liste, PDF ou CSV, sans rien changer aux comptes.</summary>
public sealed record DemandeListe(CriteresComptes Criteres, Canal Format);
