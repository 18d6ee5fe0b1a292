#!/usr/bin/env python3
"""Validate the evaluation files under eval/ against the corpus.

Standard library only.  Usage (from anywhere):

    python3 eval/check_sets.py [--corpus DIR] [--public FILE]

Checks
  question sets (eval/sets/seeds-dev.jsonl, eval/sets/seeds-test.jsonl)
    * every line parses as a JSON object with the required fields and types
    * ids are unique across both files, "sd###" (or "sd####") in dev and "st###" in test
    * no question text is repeated (within/between sets, or copied from the
      public file when it is available)
    * answerable: source names a corpus file; 1-3 evidence spans of 8-40
      characters, each occurring verbatim in that file; every answer_facts
      group has at least one alternative that occurs in the file after the
      README normalisation (NFKC, whitespace removed, lower-case, commas
      between digits removed)
    * unanswerable: source null, evidence [] and answer_facts []
  gold facts (eval/facts/gold.jsonl)
    * JSON objects with id, doc, place, metric, value (number), unit, quote,
      split (dev|test); unique ids; quote occurs verbatim in doc and contains
      a digit or a Chinese numeral
Prints counts per split / language / answerability; exits 1 on any error.
"""
import argparse
import json
import os
import re
import sys
import unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
LANGS = {"en", "zh", "zh-Hant"}
EN_DOCS = ("000_", "001_", "003_")
ZH_DOCS = ("002_", "004_")

errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    s = re.sub(r"\s+", "", s)
    s = s.lower()
    s = re.sub(r"(?<=\d),(?=\d)", "", s)
    return s


def load_jsonl(path):
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                err("%s:%d: invalid JSON (%s)" % (path, n, e))
                continue
            if not isinstance(obj, dict):
                err("%s:%d: not a JSON object" % (path, n))
                continue
            obj["_line"] = n
            rows.append(obj)
    return rows


def is_str_list(x):
    return isinstance(x, list) and all(isinstance(s, str) for s in x)


def check_questions(path, prefix, corpus, corpus_norm, seen_ids, seen_q):
    rows = load_jsonl(path)
    where = os.path.relpath(path, ROOT)
    for r in rows:
        loc = "%s:%d" % (where, r["_line"])
        for f in ("id", "question", "lang", "answerable", "source", "evidence", "answer_facts"):
            if f not in r:
                err("%s: missing field %r" % (loc, f))
        qid = r.get("id")
        if not isinstance(qid, str) or not re.fullmatch(prefix + r"\d{3,4}", qid or ""):
            err("%s: bad id %r (want %s###)" % (loc, qid, prefix))
        elif qid in seen_ids:
            err("%s: duplicate id %s" % (loc, qid))
        seen_ids.add(qid)
        q = r.get("question")
        if not isinstance(q, str) or not q.strip():
            err("%s: empty question" % loc)
        else:
            k = norm(q)
            if k in seen_q:
                err("%s: question repeated (%s)" % (loc, seen_q[k]))
            seen_q.setdefault(k, "%s %s" % (where, qid))
        if r.get("lang") not in LANGS:
            err("%s: bad lang %r" % (loc, r.get("lang")))
        ans = r.get("answerable")
        if not isinstance(ans, bool):
            err("%s: answerable must be true/false" % loc)
            continue
        ev, facts, src = r.get("evidence"), r.get("answer_facts"), r.get("source")
        if not ans:
            if src is not None or ev != [] or facts != []:
                err("%s: unanswerable item needs source null, evidence [] and answer_facts []" % loc)
            continue
        if src not in corpus:
            err("%s: source %r is not a corpus file" % (loc, src))
            continue
        text = corpus[src]
        if not is_str_list(ev) or not 1 <= len(ev) <= 3:
            err("%s: evidence must be a list of 1-3 strings" % loc)
        else:
            for e in ev:
                if not 8 <= len(e) <= 40:
                    err("%s: evidence span length %d outside 8-40: %r" % (loc, len(e), e))
                if e not in text:
                    err("%s: evidence not verbatim in %s: %r" % (loc, src, e))
        if not isinstance(facts, list) or not facts or not all(is_str_list(g) and g for g in facts):
            err("%s: answer_facts must be a non-empty list of non-empty string lists" % loc)
        else:
            tn = corpus_norm[src]
            for g in facts:
                if not any(norm(a) and norm(a) in tn for a in g):
                    err("%s: no alternative of group %r occurs in %s" % (loc, g, src))
    return rows


def check_gold(path, corpus):
    rows = load_jsonl(path)
    where = os.path.relpath(path, ROOT)
    ids = set()
    for r in rows:
        loc = "%s:%d" % (where, r["_line"])
        for f in ("id", "doc", "place", "metric", "value", "unit", "quote", "split"):
            if f not in r:
                err("%s: missing field %r" % (loc, f))
        fid = r.get("id")
        if not isinstance(fid, str) or not re.fullmatch(r"f\d{3}", fid or ""):
            err("%s: bad id %r" % (loc, fid))
        elif fid in ids:
            err("%s: duplicate id %s" % (loc, fid))
        ids.add(fid)
        v = r.get("value")
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            err("%s: value must be a plain number" % loc)
        if r.get("split") not in ("dev", "test"):
            err("%s: split must be dev or test" % loc)
        for f in ("place", "metric", "unit", "quote"):
            if not isinstance(r.get(f), str) or not r.get(f):
                err("%s: %s must be a non-empty string" % (loc, f))
        doc, quote = r.get("doc"), r.get("quote")
        if doc not in corpus:
            err("%s: doc %r is not a corpus file" % (loc, doc))
        elif isinstance(quote, str):
            if quote not in corpus[doc]:
                err("%s: quote not verbatim in %s: %r" % (loc, doc, quote))
            if not re.search(r"[0-9一二三四五六七八九十百千万萬亿億两兩成]", quote):
                err("%s: quote holds no figure: %r" % (loc, quote))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=os.path.join(ROOT, "corpus"))
    ap.add_argument("--public", default="/work/shared/eval/qa_public.jsonl")
    a = ap.parse_args()

    corpus = {}
    for fn in sorted(os.listdir(a.corpus)):
        if fn.endswith(".txt"):
            with open(os.path.join(a.corpus, fn), encoding="utf-8") as fh:
                corpus[fn] = fh.read()
    corpus_norm = {k: norm(v) for k, v in corpus.items()}
    en_norm = "\n".join(v for k, v in corpus_norm.items() if k.startswith(EN_DOCS))

    seen_q = {}
    if os.path.exists(a.public):
        for r in load_jsonl(a.public):
            seen_q[norm(r.get("question", ""))] = "public %s" % r.get("id")
    seen_ids = set()
    sets = {}
    for split, prefix in (("dev", "sd"), ("test", "st")):
        p = os.path.join(HERE, "sets", "seeds-%s.jsonl" % split)
        if not os.path.exists(p):
            err("missing %s" % p)
            sets[split] = []
            continue
        sets[split] = check_questions(p, prefix, corpus, corpus_norm, seen_ids, seen_q)

    gp = os.path.join(HERE, "facts", "gold.jsonl")
    gold = check_gold(gp, corpus) if os.path.exists(gp) else (err("missing %s" % gp) or [])

    # ---- report -------------------------------------------------------------
    print("question sets")
    total = Counter()
    for split, rows in sets.items():
        c = Counter((r.get("lang"), r.get("answerable")) for r in rows)
        print("  %-5s %3d  " % (split, len(rows)) + "  ".join(
            "%s/%s=%d" % (l, "ans" if ans else "unans", n) for (l, ans), n in sorted(c.items(), key=str)))
        total.update(c)
    allq = sets.get("dev", []) + sets.get("test", [])
    print("  total %3d  answerable=%d unanswerable=%d" % (
        len(allq), sum(1 for r in allq if r.get("answerable")), sum(1 for r in allq if r.get("answerable") is False)))
    for lang in sorted(LANGS):
        print("    %-7s %3d" % (lang, sum(1 for r in allq if r.get("lang") == lang)))
    src = Counter(r.get("source") for r in allq if r.get("answerable"))
    print("  answerable by source: " + ", ".join("%s=%d" % (k[:3], n) for k, n in sorted(src.items())))
    # cross-lingual heuristics (lower bounds: an alternative such as a city name
    # may legitimately appear in an English document for another reason)
    xl = [r for r in allq if r.get("answerable") and r.get("lang") == "en"
          and str(r.get("source")).startswith(ZH_DOCS)]
    strict = [r for r in xl if not any(norm(a) in en_norm for g in r["answer_facts"] for a in g)]
    print("  en questions sourced from a Chinese doc: %d (no fact alternative found in any English doc: %d)"
          % (len(xl), len(strict)))
    zh_en = sum(1 for r in allq if r.get("answerable") and r.get("lang") in ("zh", "zh-Hant")
                and str(r.get("source")).startswith(EN_DOCS))
    hant_simp = sum(1 for r in allq if r.get("answerable") and r.get("lang") == "zh-Hant"
                    and str(r.get("source")).startswith("004_"))
    zh_hant = sum(1 for r in allq if r.get("answerable") and r.get("lang") == "zh"
                  and str(r.get("source")).startswith("002_"))
    print("  zh/zh-Hant questions sourced from an English doc: %d; zh-Hant on the Simplified doc: %d; "
          "zh on the Traditional doc: %d" % (zh_en, hant_simp, zh_hant))
    print("gold facts: %d (%s)" % (len(gold), ", ".join(
        "%s=%d" % kv for kv in sorted(Counter(r.get("split") for r in gold).items(), key=str))))
    print("  by doc: " + ", ".join("%s=%d" % (k[:3], n) for k, n in sorted(Counter(r.get("doc") for r in gold).items(), key=str)))

    if errors:
        print("\n%d error(s):" % len(errors))
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("\nOK")


if __name__ == "__main__":
    main()
