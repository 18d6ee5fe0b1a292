"""Build questions-dev.jsonl / questions-test.jsonl from questions_src.py (stratified random split, fixed seed)."""
import json, random, os, sys
sys.path.insert(0, os.path.dirname(__file__))
from questions_src import A, U, F

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
items = []
for q, lang, d, ev, facts in A:
    items.append(dict(question=q, lang=lang, answerable=True, source=F[d], evidence=ev, answer_facts=facts))
for q, lang, d in U:
    items.append(dict(question=q, lang=lang, answerable=False, source=F[d], evidence=[], answer_facts=[]))

rng = random.Random(20250207)
strata = {}
for it in items:
    strata.setdefault((it["answerable"], it["lang"]), []).append(it)
dev, test = [], []
for key in sorted(strata, key=str):
    group = strata[key][:]
    rng.shuffle(group)
    n_dev = round(len(group) * 0.4)
    dev += group[:n_dev]
    test += group[n_dev:]
rng.shuffle(dev)
rng.shuffle(test)

def write(name, prefix, rows):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        for i, r in enumerate(rows, 1):
            rec = {"id": f"{prefix}{i:03d}", **r}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")

write("questions-dev.jsonl", "xd", dev)
write("questions-test.jsonl", "xt", test)
print(len(items), "questions:", len(dev), "dev,", len(test), "test")
