#!/usr/bin/env bash
# Benchmark 8 of issue 10 (footprint): start-up time of the packaged application, profile demo, -Xmx512m,
# from `java -jar` until /actuator/health says UP. Target: under 20 s.
# Usage: bench/startup.sh [--no-package] [--cds]
#   --no-package  use target/*.jar as it is (otherwise ./mvnw -B -q -DskipTests package first)
#   --cds         start as docs/operations.md recommends: the jar extracted (java -Djarmode=tools ... extract) and
#                 a class-data-sharing archive made by a training run (-XX:ArchiveClassesAtExit with
#                 -Dspring.context.exit=onRefresh, on a throw-away database; not timed), then timed with
#                 -XX:SharedArchiveFile. The extracted application and its archive are kept in target/cds/.
# Uses a fresh H2 file in a temporary directory and free ports for HTTP and the demo mail sink, so that it
# neither touches ./data nor collides with another instance or test on 8080/3025. Prints the load average
# before and after (the machine is shared: a figure without it means little).
set -euo pipefail
cd "$(dirname "$0")/.."
package=1; cds=0
for a in "$@"; do
  case "$a" in
    --no-package) package=0 ;;
    --cds) cds=1 ;;
    *) echo "unknown option $a"; exit 2 ;;
  esac
done
if [[ $package == 1 ]]; then
  ./mvnw -B -q -DskipTests package
fi
jar=$(ls target/*.jar | grep -v -- '-plain.jar' | head -1)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1]); s.close()'; }
jvm=(-Xmx512m)
how="java -Xmx512m -jar"
if [[ $cds == 1 ]]; then
  rm -rf target/cds
  java -Djarmode=tools -jar "$jar" extract --destination target/cds >/dev/null
  jar=target/cds/$(basename "$jar")
  train=$(mktemp -d)
  t0=$(date +%s.%N)
  java -Xmx512m -XX:ArchiveClassesAtExit=target/cds/participa.jsa -Dspring.context.exit=onRefresh -jar "$jar" \
    --spring.profiles.active=demo --server.port="$(free_port)" \
    --spring.datasource.url="jdbc:h2:file:$train/participa;DB_CLOSE_ON_EXIT=FALSE" \
    --participa.demo.mail-sink.port="$(free_port)" >"$train/training.log" 2>&1 || { tail -30 "$train/training.log"; exit 1; }
  echo "CDS training run (not timed): $(python3 -c "print(f'{$(date +%s.%N)-$t0:.1f}')") s, archive $(du -m target/cds/participa.jsa | cut -f1) MB"
  rm -rf "$train"
  jvm+=(-XX:SharedArchiveFile=target/cds/participa.jsa)
  how="java -Xmx512m -XX:SharedArchiveFile=... -jar (extracted, CDS)"
fi
port=$(free_port); smtp=$(free_port)
tmp=$(mktemp -d)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
start=$(date +%s.%N)
java "${jvm[@]}" -jar "$jar" --spring.profiles.active=demo --server.port="$port" \
  --spring.datasource.url="jdbc:h2:file:$tmp/participa;DB_CLOSE_ON_EXIT=FALSE" \
  --participa.demo.mail-sink.port="$smtp" --spring.mail.port="$smtp" >"$tmp/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; cp "$tmp/app.log" target/startup.log; rm -rf "$tmp"' EXIT
status=""
for _ in $(seq 1 3000); do
  if ! kill -0 $pid 2>/dev/null; then echo "the application stopped; log:"; tail -50 "$tmp/app.log"; exit 1; fi
  status=$(curl -s "http://localhost:$port/actuator/health" || true)
  [[ "$status" == *'"UP"'* ]] && break
  sleep 0.1
done
end=$(date +%s.%N)
secs=$(python3 -c "print(f'{$end-$start:.1f}')")
rss=$(ps -o rss= -p $pid | awk '{printf "%d", $1/1024}')
met=$(python3 -c "print('met' if $end-$start < 20 else 'NOT met')")
echo "BENCHMARK | Start-up of the packaged application (profile demo, ${how}) until /actuator/health UP | h2 | ${secs} s (RSS ${rss} MB) | - | - | < 20 s | ${met} | load average before ${load_before}, after $(cut -d' ' -f1-3 /proc/loadavg)"
