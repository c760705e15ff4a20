"""CoNLL exports of a mixed project, read by the standard readers (issue 9, defects 5 and 6).

A project with the PEYMA corpus (`token|B_TAG`, tokens with spaces) and Arman sentences
(`token B-tag`) used to be written in the first document's layout: `شیرابه های|O` lines
that white-space readers split wrongly, and no document boundaries. Our own check runs
always; seqeval, conllu and spaCy's converter run when installed (`pip install
'annotator[interop]'`).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.io.formats import get

pytestmark = pytest.mark.corpora

ARMAN_LINES = 400  # a slice of Arman is enough to mix layouts


@pytest.fixture(scope="module")
def mixed_export(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Counter[tuple[str, str]], int]:
    corpora = Path(__file__).resolve().parents[4] / "shared" / "corpora"
    if not corpora.is_dir():
        pytest.skip(f"{corpora} is absent (it sits beside the project, not in it)")
    tmp = tmp_path_factory.mktemp("mixed")
    arman = tmp / "arman-part.txt"
    lines = (corpora / "ner/arman-dev.txt").read_text(encoding="utf-8").split("\n")[:ARMAN_LINES]
    arman.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected: Counter[tuple[str, str]] = Counter()
    documents = 0
    for source in (corpora / "ner/peyma-dev.txt", arman):
        for doc in get("conll").read(source).documents:
            documents += 1
            expected.update((s.label, " ".join(doc.text[s.start : s.end].split())) for s in doc.spans)
        assert main(["import", str(tmp / "proj"), str(source), "--format", "conll", "-q"]) == 0
    out = tmp / "corpus.conll"
    assert main(["export", str(tmp / "proj"), "--format", "conll", "--out", str(out)]) == 0
    return out, expected, documents


def _bio_entities(tokens: list[str], tags: list[str]) -> list[tuple[str, str]]:
    found, start = [], -1
    for i, tag in enumerate([*tags, "O"]):
        if start >= 0 and not tag.startswith("I-"):
            found.append((tags[start][2:], " ".join(tokens[start:i])))
            start = -1
        if tag.startswith("B-"):
            start = i
    return found


def _sentences(path: Path) -> list[list[list[str]]]:
    """Sentences as lists of white-space-split lines, -DOCSTART- sentences left out."""
    out: list[list[list[str]]] = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        rows = [line.split() for line in block.split("\n") if line.strip()]
        if rows and rows[0][0] != "-DOCSTART-":
            out.append(rows)
    return out


def test_every_line_is_token_and_one_tag_and_documents_are_marked(
    mixed_export: tuple[Path, Counter[tuple[str, str]], int],
) -> None:
    out, expected, documents = mixed_export
    text = out.read_text(encoding="utf-8")
    lines = [line for line in text.split("\n") if line]
    assert all(len(line.split()) == 2 and "\t" in line for line in lines), next(
        line for line in lines if len(line.split()) != 2
    )
    assert sum(1 for line in lines if line == "-DOCSTART-\tO") == documents
    found: Counter[tuple[str, str]] = Counter()
    for rows in _sentences(out):
        found.update(_bio_entities([r[0] for r in rows], [r[1] for r in rows]))
    assert found == expected


def test_seqeval_reads_the_entities(mixed_export: tuple[Path, Counter[tuple[str, str]], int]) -> None:
    seqeval = pytest.importorskip("seqeval.metrics.sequence_labeling")
    out, expected, _ = mixed_export
    found: Counter[tuple[str, str]] = Counter()
    for rows in _sentences(out):
        tokens = [r[0] for r in rows]
        for label, start, end in seqeval.get_entities([r[-1] for r in rows]):
            found[(label, " ".join(tokens[start : end + 1]))] += 1
    assert found == expected


def test_conllu_reads_the_entities(mixed_export: tuple[Path, Counter[tuple[str, str]], int]) -> None:
    conllu = pytest.importorskip("conllu")
    out, expected, _ = mixed_export
    found: Counter[tuple[str, str]] = Counter()
    for sentence in conllu.parse(out.read_text(encoding="utf-8"), fields=("form", "tag")):
        if sentence[0]["form"] == "-DOCSTART-":
            continue
        found.update(_bio_entities([t["form"] for t in sentence], [t["tag"] for t in sentence]))
    assert found == expected


def test_spacy_converter_reads_the_entities(mixed_export: tuple[Path, Counter[tuple[str, str]], int]) -> None:
    pytest.importorskip("spacy")
    from spacy.training.converters import conll_ner_to_docs

    out, expected, _ = mixed_export
    docs = list(conll_ner_to_docs(out.read_text(encoding="utf-8"), n_sents=1, no_print=True))
    found = Counter((ent.label_, ent.text) for doc in docs for ent in doc.ents)
    assert found == expected
