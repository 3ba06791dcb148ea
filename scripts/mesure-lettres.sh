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

# Each core's speed: the same fixed loop, run alone on each core in turn. A virtual machine's core whose host core is
# busy runs it slower, and every figure with it (seen here: 0.23 s on one core and 0.36 s on the other in the same
# minute; 0.22-0.24 s on both at full speed, docs/performance.md).
vitesse() {
  for c in $(seq 0 $(( $(nproc) - 1 ))); do
    taskset -c "$c" /usr/bin/python3 -c 'import time
t = time.perf_counter(); s = 0
for i in range(4000000): s += i * i
print(f"{time.perf_counter() - t:.2f}")'
  done | paste -sd/
}
