# Sourced by charge.sh and lettres.sh, which set $base (the app's URL), $jar (a signed-in cookie jar) and $work before
# calling token() or lettres().
# shellcheck shell=bash

# The anti-forgery token of the first form of the page read on stdin.
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }

# Posts « select all pupils → letters », opens the result page and downloads the kept PDF; prints the three times.
lettres() {
  local t resultat debut notifier page telechargement
  t=$(curl -s -b "$jar" -c "$jar" "$base/eleves" | token)
  debut=$(date +%s.%N)
  resultat=$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{redirect_url} %{time_total}' \
    --data-urlencode "tous=true" --data-urlencode "modele=Detaillee" --data-urlencode "__RequestVerificationToken=$t" "$base/eleves/notifier")
  notifier=${resultat#* }; resultat=${resultat% *}
  [[ $resultat == */documents/* ]] || { echo "no result page after the letters (got '$resultat')"; exit 1; }
  page=$(curl -s -b "$jar" -c "$jar" -w '\n%{time_total}' "$resultat")
  t=$(echo "$page" | token)
  telechargement=$(curl -s -b "$jar" -c "$jar" -o "$work/lettres.pdf" -w '%{time_total}' --data-urlencode "__RequestVerificationToken=$t" "$resultat/telecharger")
  echo "letters, $1: $(echo "$(date +%s.%N) - $debut" | bc | xargs printf '%.2f') s end to end (select all + render + commit $notifier s, result page $(echo "$page" | tail -1) s, download $telechargement s), $(stat -c %s "$work/lettres.pdf") bytes, $(pdfinfo "$work/lettres.pdf" | awk '/Pages/{print $2}') pages"
}

# Each core's speed: the same fixed loop, run alone on each core in turn; then a wake-up's cost: a byte sent back and
# forth through two pipes between a process on the first core and one on the last, 20,000 times (each page wakes
# nginx, the app and PostgreSQL several times). A virtual machine whose host lends a core or its time to a neighbour
# runs both slower, and every figure with them (seen here: 0.23 s on one core and 0.36 s on the other in the same
# minute; 0.21-0.24 s on both and 16-25 µs per round trip at full speed, up to 30 µs slowed; docs/performance.md).
vitesse() {
  local c
  for c in $(seq 0 $(( $(nproc) - 1 ))); do
    taskset -c "$c" /usr/bin/python3 -c 'import time
t = time.perf_counter(); s = 0
for i in range(4000000): s += i * i
print(f"{time.perf_counter() - t:.2f}")'
  done | paste -sd/ | tr '\n' ' '
  /usr/bin/python3 -c 'import os, time
n = 20000; dernier = os.cpu_count() - 1
aller, retour = os.pipe(), os.pipe()
if os.fork() == 0:
    os.sched_setaffinity(0, {dernier})
    for _ in range(n): os.read(aller[0], 1); os.write(retour[1], b"x")
    os._exit(0)
os.sched_setaffinity(0, {0})
t = time.perf_counter()
for _ in range(n): os.write(aller[1], b"x"); os.read(retour[0], 1)
print(f"s, wake-up round trip {(time.perf_counter() - t) / n * 1e6:.0f} µs", end="")
os.wait()'
}
