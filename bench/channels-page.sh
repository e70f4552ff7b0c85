#!/usr/bin/env bash
# Benchmark of the channels page with 1,000 channels (issue 6, item 9): publishes the app, runs it as a
# real process on a throwaway PostgreSQL, seeds the channels and measures. See README.md, "Benchmarks".
# Environment: SOSYABOT_PORT (app port, default 5080), SOSYABOT_CHROMIUM, and those of bench/lib.sh.
# Extra arguments go to the measuring program, e.g. --channels 1000 --loads 20 --browser-loads 20.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
APP_URL="http://127.0.0.1:${SOSYABOT_PORT:-5080}"

echo "publishing the app and building the benchmark..."
bench_publish_app
dotnet build "$REPO_DIR/bench/ChannelsPage" -c Release --nologo -v quiet >/dev/null
bench_postgres
bench_start_app "$APP_URL"

dotnet "$REPO_DIR/bench/ChannelsPage/bin/Release/net10.0/ChannelsPage.dll" --url "$APP_URL" --db "$CONNECTION" --pid "$APP_PID" "$@"
