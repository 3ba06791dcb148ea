#!/usr/bin/env bash
# Coarse timing of refused console sign-ins for docs/performance.md (« Connexion à la console »):
# a wrong password for a real staff address vs an unknown address vs an account in its delay.
# The built app runs in Production on 127.0.0.1 (free port) over a throwaway SQLite database, with the
# attempt limits raised so that every request reaches the password check; N requests of each kind,
# interleaved, median and p90 printed. Usage: scripts/bench-connexion.sh [N=40]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-40}
work=$(mktemp -d /tmp/credentials-bench-connexion.XXXXXX)
app_pid=""
cleanup() { if [[ -n $app_pid ]]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

dotnet build Credentials.sln -c Release -nologo -v quiet >/dev/null
export DataDirectory="$work" ASPNETCORE_ENVIRONMENT=Production Demo__Seed=false Documents__Prechauffer=false
cli="dotnet src/Credentials.Cli/bin/Release/net10.0/credentials.dll"
$cli seed-demo --uai 0999999Z --eleves 20 >/dev/null
$cli create-user --email directrice@bench.test --role Directeur --uai 0999999Z --password "phrase-de-passe-du-banc-42" >/dev/null

port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
Securite__ConnexionsParMinute=100000 \
Console__Connexion__Compte__Seuil=100000 Console__Connexion__Compte__MaxParFenetre=100000 \
Console__Connexion__Adresse__Seuil=100000 Console__Connexion__Adresse__MaxParFenetre=100000 \
Console__Connexion__EchecsAvantVerrouillage=100000 \
  dotnet src/Credentials.Web/bin/Release/net10.0/Credentials.Web.dll --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done

/usr/bin/python3 - "$port" "$n" <<'PY'
import http.cookiejar, re, statistics, sys, time, urllib.parse, urllib.request
port, n = sys.argv[1], int(sys.argv[2])
base = f"http://127.0.0.1:{port}/compte/connexion"

def essai(courriel, mot):
    jar = http.cookiejar.CookieJar()
    op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    jeton = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', op.open(base).read().decode()).group(1)
    corps = urllib.parse.urlencode({"Courriel": courriel, "MotDePasse": mot, "__RequestVerificationToken": jeton}).encode()
    t = time.perf_counter()
    op.open(base, corps).read()
    return (time.perf_counter() - t) * 1000

cas = {"wrong password, real address": ("directrice@bench.test", "pas-le-bon"), "unknown address": ("personne@bench.test", "pas-le-bon")}
for c in cas.values():
    essai(*c)  # warm-up
mesures = {k: [] for k in cas}
for _ in range(n):
    for k, c in cas.items():
        mesures[k].append(essai(*c))
for k, v in mesures.items():
    v.sort()
    print(f"{k:32s} median {statistics.median(v):7.1f} ms   p90 {v[int(len(v) * 0.9) - 1]:7.1f} ms   (n={len(v)})")
PY
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
