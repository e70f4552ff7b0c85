# Shared by the benchmark scripts: a work directory, a throwaway PostgreSQL, the published app run as a
# real process and its health wait. Source it, then call bench_postgres, bench_publish_app, bench_start_app.
# Environment: BENCH_PG_PORT (default 5499), BENCH_APP_DIR=<dir> uses an app already published there,
# BENCH_KEEP=1 keeps the work directory (app log, database) for a look afterwards.

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_PORT="${BENCH_PG_PORT:-5499}"
WORK="$(mktemp -d /tmp/sosyabot-bench.XXXXXX)"
chmod 755 "$WORK"
APP_PID=""
PG_BIN="$(for d in /usr/lib/postgresql/*/bin; do [ -x "$d/pg_ctl" ] && echo "$d"; done | sort -V | tail -n 1)"
[ -n "$PG_BIN" ] || { echo "PostgreSQL server binaries are missing (apt-get install -y postgresql)." >&2; exit 1; }

# initdb and postgres refuse to run as root.
as_pg() { if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }

bench_cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  if [ -n "${BENCH_KEEP:-}" ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap bench_cleanup EXIT

# A fresh cluster with database sosyabot_bench; sets CONNECTION.
bench_postgres() {
  local password
  password="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
  printf '%s\n' "$password" >"$WORK/pgpass"
  mkdir -p "$WORK/pg"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$WORK/pg" "$WORK/pgpass"; fi
  as_pg "$PG_BIN/initdb" -D "$WORK/pg" -U postgres --pwfile="$WORK/pgpass" --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/log" -w -t 30 -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $WORK/pg $*" start >/dev/null
  PGPASSWORD="$password" "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE sosyabot_bench" postgres
  CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Database=sosyabot_bench;Username=postgres;Password=$password"
}

# Published as the Dockerfile does it (a build run with `dotnet run` does not serve the static assets); sets APP_DIR.
bench_publish_app() {
  APP_DIR="${BENCH_APP_DIR:-$WORK/app}"
  [ -n "${BENCH_APP_DIR:-}" ] || dotnet publish "$REPO_DIR/Sosyabot.Web" -c Release -o "$APP_DIR" --nologo -v quiet >/dev/null
}

# bench_start_app URL [NAME=VALUE...]: the app on URL against CONNECTION, with extra settings as
# environment variables; returns once /healthz answers. Sets APP_PID. Data protection keys live in $WORK/keys.
bench_start_app() {
  local url="$1"; shift
  # From its own directory: the content root (wwwroot, where the static assets are) is the working directory.
  (cd "$APP_DIR" && exec env ConnectionStrings__Sosyabot="$CONNECTION" ASPNETCORE_URLS="$url" App__BaseUrl="$url" \
    DataProtection__CertificatePath="$WORK/keys/dataprotection.pfx" "$@" \
    dotnet "$APP_DIR/Sosyabot.Web.dll" >"$WORK/app.log" 2>&1) &
  APP_PID=$!
  for _ in $(seq 1 120); do
    curl -fs "$url/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2>/dev/null || { echo "the app exited:" >&2; tail -n 30 "$WORK/app.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "the app did not become healthy in 60 s" >&2; tail -n 30 "$WORK/app.log" >&2; exit 1
}
