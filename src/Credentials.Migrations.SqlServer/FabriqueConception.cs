using Credentials.Core.Data;

namespace Credentials.Migrations.SqlServer;

/// <summary>Le contexte que <c>dotnet ef</c> utilise pour écrire les migrations SqlServer.</summary>
public sealed class FabriqueConception() : FabriqueContexteConception(FournisseurBase.SqlServer);
