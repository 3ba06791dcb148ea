using Credentials.Core.Data;

namespace Credentials.Migrations.Postgres;

/// <summary>Le contexte que <c>dotnet ef</c> utilise pour écrire les migrations Postgres.</summary>
public sealed class FabriqueConception() : FabriqueContexteConception(FournisseurBase.Postgres);
