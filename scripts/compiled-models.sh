#!/usr/bin/env bash
# Regenerates the EF Core compiled model of every provider (src/Credentials.Migrations.<Provider>/ModeleCompile),
# with `dotnet ef dbcontext optimize`. The web app, the CLI and the tests use it instead of building the model
# at start-up (docs/decisions.md, « Modèles compilés »). scripts/add-migration.sh runs it after each migration;
# run it alone after a model change that needs no migration (a converter, a navigation…). MigrationTests fails
# while a compiled model differs from the model the configurations give.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet tool restore >/dev/null
for provider in Sqlite Postgres SqlServer; do
  project=src/Credentials.Migrations.$provider
  # Removed first: a stale model may no longer compile, and the project must build without it.
  rm -rf "$project/ModeleCompile"
  dotnet build "$project" -nologo -v quiet -clp:ErrorsOnly
  dotnet ef dbcontext optimize --project "$project" --startup-project "$project" --no-build \
    --output-dir ModeleCompile --namespace "Credentials.Migrations.$provider.ModeleCompile" >/dev/null
  echo "$project/ModeleCompile: $(ls "$project/ModeleCompile" | wc -l) files"
done
