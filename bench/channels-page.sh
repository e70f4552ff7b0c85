#!/usr/bin/env bash
# Benchmark of the channels page with 1,000 channels (issue 6, item 9): publishes the app, runs it as a
# real process on a throwaway PostgreSQL, seeds the channels and measures. See README.md, "Benchmarks".
# Environment: SOSYABOT_PORT (app port, default 5080), BENCH_PG_PORT (default 5499), SOSYABOT_CHROMIUM,
# BENCH_APP_DIR=<dir> uses an app already published there, BENCH_KEEP=1 keeps the work directory (app log, database) for a look afterwards.
# Extra arguments go to the measuring program, e.g. --channels 1000 --loads 20 --browser-loads 20.
set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APP_PORT="${SOSYABOT_PORT:-5080}"
PG_PORT="${BENCH_PG_PORT:-5499}"
WORK="$(mktemp -d /tmp/sosyabot-bench.XXXXXX)"
chmod 755 "$WORK"
APP_PID=""
PG_BIN="$(for d in /usr/lib/postgresql/*/bin; do [ -x "$d/pg_ctl" ] && echo "$d"; done | sort -V | tail -n 1)"
[ -n "$PG_BIN" ] || { echo "PostgreSQL server binaries are missing (apt-get install -y postgresql)." >&2; exit 1; }

# initdb and postgres refuse to run as root.
as_pg() { if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }

cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  if [ -n "${BENCH_KEEP:-}" ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

echo "publishing the app and building the benchmark..."
APP_DIR="${BENCH_APP_DIR:-$WORK/app}"
[ -n "${BENCH_APP_DIR:-}" ] || dotnet publish "$REPO_DIR/Sosyabot.Web" -c Release -o "$APP_DIR" --nologo -v quiet >/dev/null
dotnet build "$REPO_DIR/bench/ChannelsPage" -c Release --nologo -v quiet >/dev/null

PASSWORD="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
printf '%s\n' "$PASSWORD" >"$WORK/pgpass"
mkdir -p "$WORK/pg"
if [ "$(id -u)" -eq 0 ]; then chown postgres "$WORK/pg" "$WORK/pgpass"; fi
as_pg "$PG_BIN/initdb" -D "$WORK/pg" -U postgres --pwfile="$WORK/pgpass" --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/log" -w -t 30 -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $WORK/pg" start >/dev/null
PGPASSWORD="$PASSWORD" "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE sosyabot_bench" postgres
CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Database=sosyabot_bench;Username=postgres;Password=$PASSWORD"

APP_URL="http://127.0.0.1:$APP_PORT"
# From its own directory: the content root (wwwroot, where the static assets are) is the working directory.
(cd "$APP_DIR" && exec env ConnectionStrings__Sosyabot="$CONNECTION" ASPNETCORE_URLS="$APP_URL" App__BaseUrl="$APP_URL" \
  DataProtection__CertificatePath="$WORK/keys/dataprotection.pfx" \
  dotnet "$APP_DIR/Sosyabot.Web.dll" >"$WORK/app.log" 2>&1) &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -fs "$APP_URL/healthz" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "the app exited:" >&2; tail -n 30 "$WORK/app.log" >&2; exit 1; }
  sleep 0.5
done
curl -fs "$APP_URL/healthz" >/dev/null || { echo "the app did not become healthy in 60 s" >&2; tail -n 30 "$WORK/app.log" >&2; exit 1; }

dotnet "$REPO_DIR/bench/ChannelsPage/bin/Release/net10.0/ChannelsPage.dll" --url "$APP_URL" --db "$CONNECTION" --pid "$APP_PID" "$@"
