using Credentials.Core.Data;

namespace Credentials.Migrations.Sqlite;

/// <summary>Le contexte que <c>dotnet ef</c> utilise pour écrire les migrations Sqlite.</summary>
public sealed class FabriqueConception() : FabriqueContexteConception(FournisseurBase.Sqlite);
