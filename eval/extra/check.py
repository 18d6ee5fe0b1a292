#!/usr/bin/env python3
"""Validate the extra evaluation set (standard library only).

Checks: valid JSON lines; required fields and types; unique ids across files; id prefixes;
source files exist under corpus/; every evidence span occurs verbatim in the named file
(and is 8-40 characters); for answerable questions every answer_facts group has at least one
alternative occurring in the source file after normalisation (NFKC, whitespace removed,
lower-cased, commas between digits removed); unanswerable questions have empty evidence/facts.
Usage: python3 check.py [files...]   (default: questions-dev.jsonl questions-test.jsonl questions-later.jsonl)
"""
import json, os, re, sys, unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
LATER = os.path.join(HERE, "corpus-later")  # texts added later, for questions-later.jsonl
LANGS = {"en", "zh", "zh-Hant"}
PREFIX = {"questions-dev.jsonl": "xd", "questions-test.jsonl": "xt", "questions-later.jsonl": "xd"}


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    s = re.sub(r"\s+", "", s).lower()
    return re.sub(r"(?<=\d),(?=\d)", "", s)


def main(argv):
    files = argv or ["questions-dev.jsonl", "questions-test.jsonl", "questions-later.jsonl"]
    errors, ids, stats = [], set(), Counter()
    cache = {}
    for fn in files:
        path = fn if os.path.isabs(fn) else os.path.join(HERE, fn)
        prefix = PREFIX.get(os.path.basename(path))
        with open(path, encoding="utf-8") as f:
            for ln, line in enumerate(f, 1):
                where = f"{os.path.basename(path)}:{ln}"
                if not line.strip():
                    continue
                try:
                    q = json.loads(line)
                except json.JSONDecodeError as e:
                    errors.append(f"{where}: bad JSON: {e}")
                    continue
                for k, t in (("id", str), ("question", str), ("lang", str), ("answerable", bool),
                             ("source", str), ("evidence", list), ("answer_facts", list)):
                    # an unanswerable near miss may name no source (null)
                    if k == "source" and q.get(k) is None and q.get("answerable") is False:
                        continue
                    if not isinstance(q.get(k), t):
                        errors.append(f"{where}: field {k!r} missing or not {t.__name__}")
                if errors and errors[-1].startswith(where + ": field"):
                    continue
                qid = q["id"]
                if qid in ids:
                    errors.append(f"{where}: duplicate id {qid}")
                ids.add(qid)
                if prefix and not re.fullmatch(prefix + r"\d{3,4}", qid):
                    errors.append(f"{where}: id {qid} should look like {prefix}NNN")
                if q["lang"] not in LANGS:
                    errors.append(f"{where}: lang {q['lang']!r} not in {sorted(LANGS)}")
                if not q["question"].strip():
                    errors.append(f"{where}: empty question")
                if q["source"] is None:
                    continue
                src = os.path.join(CORPUS, q["source"])
                if not os.path.isfile(src):
                    src = os.path.join(LATER, q["source"])
                if not os.path.isfile(src):
                    errors.append(f"{where}: source file {q['source']} not in corpus/")
                    continue
                if src not in cache:
                    with open(src, encoding="utf-8") as g:
                        text = g.read()
                    cache[src] = (text, norm(text))
                text, ntext = cache[src]
                stats[(os.path.basename(path), q["lang"], q["answerable"])] += 1
                if q["answerable"]:
                    if not 1 <= len(q["evidence"]) <= 3:
                        errors.append(f"{where}: {qid} needs 1-3 evidence spans")
                    for ev in q["evidence"]:
                        if not isinstance(ev, str) or ev not in text:
                            errors.append(f"{where}: {qid} evidence not verbatim in {q['source']}: {ev!r}")
                        elif not 8 <= len(ev) <= 40:
                            errors.append(f"{where}: {qid} evidence length {len(ev)} outside 8-40: {ev!r}")
                    if not q["answer_facts"]:
                        errors.append(f"{where}: {qid} answerable but no answer_facts")
                    for grp in q["answer_facts"]:
                        if not isinstance(grp, list) or not grp or not all(isinstance(a, str) and a for a in grp):
                            errors.append(f"{where}: {qid} bad answer_facts group {grp!r}")
                            continue
                        if not any(norm(a) in ntext for a in grp):
                            errors.append(f"{where}: {qid} no alternative of {grp!r} found in {q['source']}")
                else:
                    if q["evidence"] or q["answer_facts"]:
                        errors.append(f"{where}: {qid} unanswerable but has evidence/answer_facts")
    for e in errors:
        print("ERROR", e)
    total = sum(stats.values())
    print(f"{total} questions checked, {len(errors)} errors")
    for (fn, lang, ans), n in sorted(stats.items(), key=str):
        print(f"  {fn:22s} {lang:8s} {'answerable' if ans else 'unanswerable':12s} {n}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
