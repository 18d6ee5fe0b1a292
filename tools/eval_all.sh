#!/usr/bin/env bash
# Every answer-quality figure of the README, on the current commit: the public set (hybrid
# and the tutorial baseline), our seed questions (dev and test) and the further real SRDI
# texts dropped into a corpus beside the seeds with no sources.yaml entries (dev and test).
# Usage: bash tools/eval_all.sh [OUT_DIR]   (needs `make install` and `srdi ingest` first)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-eval-results}"
mkdir -p "$out"
srdi=".venv/bin/srdi"
run() {  # name, question file, extra srdi eval options
  local name="$1" file="$2"; shift 2
  echo "## $name ($file)"
  "$srdi" eval --questions "$file" --out "$out/$name.jsonl" "$@"
  echo
}
run public ../shared/eval/qa_public.jsonl --retriever hybrid --retriever baseline
run seeds-dev eval/sets/seeds-dev.jsonl
run seeds-test eval/sets/seeds-test.jsonl

# The further texts arrive as a user's files would: copied into a corpus, no metadata.
extra="$out/extra"
rm -rf "$extra" && mkdir -p "$extra/corpus"
cp corpus/* "$extra/corpus/"
cp eval/extra/corpus/*.txt "$extra/corpus/"
export SRDI_CORPUS_DIR="$extra/corpus" SRDI_VECTORSTORE_DIR="$extra/vectorstore"
"$srdi" ingest >/dev/null
run extra-dev eval/extra/questions-dev.jsonl
run extra-test eval/extra/questions-test.jsonl

# Texts added later (eval/extra/corpus-later), dropped in beside all the others; their
# questions were written blind over them (questions-later.jsonl).
later="$out/later"
rm -rf "$later" && mkdir -p "$later/corpus"
cp "$extra/corpus/"* "$later/corpus/"
cp eval/extra/corpus-later/*.txt "$later/corpus/"
export SRDI_CORPUS_DIR="$later/corpus" SRDI_VECTORSTORE_DIR="$later/vectorstore"
"$srdi" ingest >/dev/null
run extra-later eval/extra/questions-later.jsonl
