#!/usr/bin/env bash
# Benchmark of the publishing engine (issue 7, section 6): publishes the app and runs it as a real process
# (Quartz in it, as in production) on a throwaway PostgreSQL, against the in-repo platform emulator with
# 50 ms latency, which the measuring program hosts. See README.md, "Benchmarks".
# Environment: SOSYABOT_PORT (app port, default 5080), BENCH_EMULATOR_PORT (default 5090), and those of
# bench/lib.sh. Extra arguments go to the measuring program, e.g. --channels 500 --steady-posts 2000
# --steady-seconds 60 --burst-posts 2000 --channels-per-post 5 --latency-ms 50.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
APP_URL="http://127.0.0.1:${SOSYABOT_PORT:-5080}"
EMULATOR_PORT="${BENCH_EMULATOR_PORT:-5090}"
BENCH="$REPO_DIR/bench/Publishing/bin/Release/net10.0/Publishing.dll"

echo "publishing the app and building the benchmark..."
bench_publish_app
dotnet build "$REPO_DIR/bench/Publishing" -c Release --nologo -v quiet >/dev/null
bench_postgres
# The app's platform URLs point at the emulator's fixed port (Providers__HostOverrides__...).
dotnet "$BENCH" settings --emulator-port "$EMULATOR_PORT" >"$WORK/emulator.env"
mapfile -t EMULATOR_SETTINGS <"$WORK/emulator.env"
bench_start_app "$APP_URL" "${EMULATOR_SETTINGS[@]}"

dotnet "$BENCH" --url "$APP_URL" --db "$CONNECTION" --pid "$APP_PID" --keys "$WORK/keys/dataprotection.pfx" --emulator-port "$EMULATOR_PORT" "$@"
