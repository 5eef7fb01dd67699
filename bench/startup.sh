#!/usr/bin/env bash
# Benchmark 8 of issue 10 (footprint): start-up time of the packaged application, profile demo, -Xmx512m,
# from `java -jar` until /actuator/health says UP. Target: under 20 s.
# Usage: bench/startup.sh [--no-package]   (packages first with ./mvnw -B -DskipTests package)
# Uses a fresh H2 file in a temporary directory and free ports for HTTP and the demo mail sink, so that it
# neither touches ./data nor collides with another instance or test on 8080/3025.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" != "--no-package" ]]; then
  ./mvnw -B -q -DskipTests package
fi
jar=$(ls target/*.jar | grep -v -- '-plain.jar' | head -1)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1]); s.close()'; }
port=$(free_port); smtp=$(free_port)
tmp=$(mktemp -d)
start=$(date +%s.%N)
java -Xmx512m -jar "$jar" --spring.profiles.active=demo --server.port="$port" \
  --spring.datasource.url="jdbc:h2:file:$tmp/participa;DB_CLOSE_ON_EXIT=FALSE" \
  --participa.demo.mail-sink.port="$smtp" --spring.mail.port="$smtp" >"$tmp/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; cp "$tmp/app.log" target/startup.log; rm -rf "$tmp"' EXIT
status=""
for _ in $(seq 1 1200); do
  if ! kill -0 $pid 2>/dev/null; then echo "the application stopped; log:"; tail -50 "$tmp/app.log"; exit 1; fi
  status=$(curl -s "http://localhost:$port/actuator/health" || true)
  [[ "$status" == *'"UP"'* ]] && break
  sleep 0.1
done
end=$(date +%s.%N)
secs=$(python3 -c "print(f'{$end-$start:.1f}')")
rss=$(ps -o rss= -p $pid | awk '{printf "%d", $1/1024}')
met=$(python3 -c "print('met' if $end-$start < 20 else 'NOT met')")
echo "BENCHMARK | Start-up of the packaged application (profile demo, -Xmx512m) until /actuator/health UP | h2 | ${secs} s (RSS ${rss} MB) | - | - | < 20 s | ${met} |"
