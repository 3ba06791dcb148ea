#!/usr/bin/env bash
# « Select all 2,000 pupils → letters » on ONE instance, without the rest of the load, for comparing two builds.
# Runs on a database that scripts/charge.sh has seeded (it signs in as charge@test.fr, school 0999999Z):
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGDATABASE=charge scripts/lettres.sh [clone=.]
# Starts the clone's Release build (dotnet build -c Release first) in Production on 127.0.0.1, signs in, runs five
# searches, waits 15 s (the start-up warm-up of the document renderers), then times the letters three times: the first
# after start-up, then twice warm. Each time: confirmation + render + commit, result page, download of the kept PDF.
# Alternate two clones run after run: on a shared machine one run says little. Stops what it started by PID.
set -euo pipefail
clone=$(cd "${1:-$(dirname "$0")/..}" && pwd)
: "${PGDATABASE:?set PGHOST/PGPORT/PGUSER/PGDATABASE (the database scripts/charge.sh seeded)}"
work=$(mktemp -d /tmp/credentials-lettres.XXXXXX)
pid=
cleanup() { [[ -n $pid ]] && kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

export Database__Provider=Postgres DOTNET_hostBuilder__reloadConfigOnChange=false
export ConnectionStrings__Credentials="Host=${PGHOST:-127.0.0.1};Port=${PGPORT:-5432};Username=${PGUSER:-postgres};Database=$PGDATABASE;Maximum Pool Size=40"
[[ -n ${PGPASSWORD:-} ]] && export ConnectionStrings__Credentials="$ConnectionStrings__Credentials;Password=$PGPASSWORD"
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
ASPNETCORE_ENVIRONMENT=Production DataDirectory="$work/app" Serilog__MinimumLevel__Default=Warning \
  dotnet "$clone/src/Credentials.Web/bin/Release/net10.0/Credentials.Web.dll" --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 120); do curl -sf "$base/health/ready" >/dev/null && break; sleep 1; done

jar="$work/cookies"
source "$(dirname "$0")/mesure-lettres.sh"
t=$(curl -s -c "$jar" -b "$jar" "$base/compte/connexion" | token)
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "Courriel=charge@test.fr" --data-urlencode "MotDePasse=charge-password-42" --data-urlencode "__RequestVerificationToken=$t" "$base/compte/connexion"
for _ in 1 2 3 4 5; do curl -s -b "$jar" -o /dev/null "$base/eleves?classes=6A"; done
sleep 15

echo "== $(git -C "$clone" log -1 --format=%h) [$(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1 /proc/loadavg), fixed loop $(vitesse)]"
lettres "first after start-up"; lettres "warm"; lettres "warm"
