#!/usr/bin/env bash
# Every speed figure of the README, on the current commit (run on an idle machine).
# make test and make test-fast are timed by running them.
# Usage: bash tools/speed_all.sh [SCALES...]   (default scales: 1000 20000; needs `make install`)
set -euo pipefail
cd "$(dirname "$0")/.."
srdi=".venv/bin/srdi"
scales=("${@:-1000 20000}")
question="深圳累计培育了多少家国家级专精特新“小巨人”企业？"

echo "## srdi bench (fresh ingest of corpus/, model load, warm questions)"
"$srdi" bench --questions ../shared/eval/qa_public.jsonl

echo "## one-shot srdi ask --json (wall seconds, 3 runs)"
"$srdi" ingest >/dev/null
for _ in 1 2 3; do
  /usr/bin/time -f "%e s wall, %M KB max RSS" "$srdi" ask "$question" --json \
    | python3 -c 'import json,sys; r=json.load(sys.stdin); print("found", r["found"], "1331" in r["answer"])'
done

echo "## python app.py until the app answers through its API (3 runs)"
.venv/bin/python tools/app_start.py 3

echo "## srdi ask '' (usage error, nothing loaded)"
/usr/bin/time -f "%e s wall" "$srdi" ask "" || true

for n in ${scales[@]}; do
  echo "## srdi bench --scale $n --json"
  "$srdi" bench --scale "$n" --json
done
