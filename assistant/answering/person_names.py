"""People an English question names in pinyin, found in characters in the passages.

"Which institute does co-author Zhang Lei work for?": the byline says "張雷,…華信研究院";
read word by word, "zhang" and "lei" are rare English words no Chinese sentence covers,
and the line of another author of the same article ("龐貝貝,北京聯合大學管理學院") wins on
"institute". The name is one concept whose forms are the pinyin and every run of
characters in the retrieved passages that reads as it (:mod:`assistant.knowledge.pinyin`);
a passage further down the retrieved list that names the person is read too. A person
no retrieved passage names, in either script, makes the question one the documents do
not answer ("Which university is Li Ming affiliated with?").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from langchain_core.documents import Document

from assistant.answering.question import Concept, Question
from assistant.knowledge.pinyin import find_readings, name_syllables, pinyin_names
from assistant.text.normalize import Tokenizer, fold

__all__ = ["Names", "named", "naming_passages", "with_names", "written_in_characters"]

Names = dict[str, list[str]]  # a name as written ("Zhang Lei") -> the runs reading as it


def named(
    question: str, docs: Sequence[Document], known: Callable[[str], bool]
) -> Names:
    """The names ``question`` writes in pinyin, each with the runs of characters in
    ``docs`` that read as it; a name no passage writes in either script has none."""
    found: Names = {}
    for written, syllables in pinyin_names(question, known):
        runs = [run for d in docs for run in find_readings(syllables, d.page_content)]
        in_pinyin = any(written.lower() in d.page_content.lower() for d in docs)
        if runs or not in_pinyin:
            found[written] = list(dict.fromkeys(runs))
    return found


def naming_passages(names: Names, docs: Sequence[Document], most: int) -> list[Document]:
    """``docs[:most]`` and any later passage that names one of ``names``."""
    runs = [run for found in names.values() for run in found]
    later = [d for d in docs[most:] if any(run in d.page_content for run in runs)]
    return [*docs[:most], *later]


def with_names(q: Question, names: Names, tokenizer: Tokenizer) -> Question:
    """``q`` with each found name as one concept: the concepts of its syllables merged,
    its forms the pinyin and the characters (a sentence naming the person covers it);
    the names are terms the question quotes, and a line naming the person (a byline:
    "張雷,…華信研究院") states something about them."""
    concepts = list(q.concepts)
    people = [fold(r) for runs in names.values() for r in runs]
    # a person no passage names, in characters or in pinyin: nothing here is about them
    absent = tuple(written for written, runs in names.items() if not runs)
    for written, runs in names.items():
        if not runs:
            continue
        english = frozenset(tokenizer.tokenize(written, bigrams=False))
        parts = [c for c in concepts if any(form and form <= english for form in c.forms)]
        if not english or not parts:
            continue
        forms = (english, *(frozenset(tokenizer.tokenize(r, bigrams=False)) for r in runs))
        concepts = [c for c in concepts if c not in parts]
        concepts.append(Concept(sum(c.weight for c in parts), tuple(f for f in forms if f)))
    # a sentence naming the person is what the question quotes; their byline states
    return replace(q, concepts=concepts, quoted=(*q.quoted, *people), people=tuple(people),
                   unknown_names=(*q.unknown_names, *absent))


def written_in_characters(name: str, docs: Sequence[Document]) -> bool:
    """Whether a one-word name in pinyin ("Lingdong") is written in characters by a
    retrieved passage (靈動科技): a name the corpus writes otherwise is no unknown name."""
    syllables = name_syllables(name)
    if syllables is None or len(syllables) < 2:
        return False
    return any(find_readings(syllables, d.page_content) for d in docs)
