using Credentials.Core.Domain;

namespace Credentials.Web.Features.Documents;

public sealed record ResultatDocumentModel(DocumentConserve Document, DateTime Maintenant)
{
    public bool Expire => Document.EstExpire(Maintenant);

    /// <summary>Le premier téléchargement part seul (script) ; ensuite, seulement sur demande.</summary>
    public bool TelechargementAutomatique => !Document.Telecharge && !Expire;

    public string Retour => Document.Retour is { } r && r.StartsWith('/') && !r.StartsWith("//", StringComparison.Ordinal) ? r : "/";
}
