"""Proof by killing: SIGKILL a real editing process many times; no acknowledged edit is lost.

    python tests/stress/kill_stress.py [--kills N] [--seed S] [--folder DIR]

A child process opens an AnnotationStore on an annotation file (the sample Persian article
from seeds/), makes random edits through the model (add, add many, delete, relabel, note,
attribute, relation, status, undo, redo) and now and then saves (a checkpoint). After each
edit returns, i.e. after its journal line is fsynced, it prints `ACK n <state hash>`.

The parent kills the child with SIGKILL at a random moment (sometimes while it is still
opening and recovering), then checks:

- the annotation file alone loads (jsonformat.load);
- AnnotationStore.open recovers, and the recovered state equals the state after the last
  acknowledged edit or after the one in flight (the parent replays the child's edits
  in-process from the same seed, so it knows that state without the child telling it);
- no journal was set aside as unusable.

It prints the figures and exits 1 when an edit was lost or a file was unreadable.
SIGKILL proves the program survives its own death at any instruction; it does not
simulate a power cut (the page cache survives a killed process). Those are covered by
fsync of the journal, of the temporary file and of the folder, which this cannot observe.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from annotator.io import jsonformat
from annotator.io.store import AnnotationStore, journal_path
from annotator.model import AnnotationSet, Document, EditError, Status, default_schema

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
MAX_SPANS = 120  # beyond this, deleting is preferred so the file stays a realistic size


def sample_text() -> str:
    texts = sorted(SEEDS.glob("*.txt"))
    if not texts:
        raise SystemExit(f"no sample text in {SEEDS}")
    return texts[0].read_text(encoding="utf-8").replace("\r\n", "\n")


def state_hash(aset: AnnotationSet) -> str:
    state = {
        "status": aset.status.value,
        "spans": sorted((jsonformat.span_to_json(s) for s in aset.spans()), key=lambda s: s["id"]),
        "relations": [jsonformat.relation_to_json(r) for r in aset.relations()],
    }
    raw = json.dumps(state, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()[:20]


def word_bounds(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]


def random_edit(aset: AnnotationSet, rng: random.Random, words: list[tuple[int, int]]) -> str:
    """One user edit, chosen only from rng and the state (so it can be replayed exactly)."""
    labels = list(aset.schema.label_ids)
    spans = aset.spans()
    relations = aset.relations()
    kinds = [
        "add",
        "add",
        "add_many",
        "remove",
        "remove",
        "relabel",
        "note",
        "attribute",
        "relation",
        "unrelate",
        "status",
        "undo",
        "undo",
        "redo",
    ]
    if len(spans) > MAX_SPANS:
        kinds += ["remove"] * 6
    kind = rng.choice(kinds)
    try:
        if kind == "add":
            i = rng.randrange(len(words))
            j = min(len(words) - 1, i + rng.randrange(4))
            label = rng.choice(labels)
            start, end = words[i][0], words[j][1]
            if aset.find_span(start, end, label) is None:
                aset.add_span(label, start, end)
        elif kind == "add_many":
            picks = [words[rng.randrange(len(words))] for _ in range(rng.randint(2, 6))]
            label = rng.choice(labels)
            aset.add_spans(f"Tag {label}", [(label, a, b) for a, b in picks])
        elif kind == "remove" and spans:
            aset.remove_span(rng.choice(spans).id)
        elif kind == "relabel" and spans:
            aset.relabel_span(rng.choice(spans).id, rng.choice(labels))
        elif kind == "note" and spans:
            aset.set_note(rng.choice(spans).id, rng.choice(["", "بررسی شود", f"note {rng.random()}"]))
        elif kind == "attribute" and spans:
            aset.set_attribute(rng.choice(spans).id, "certainty", rng.choice(["", "high", "low"]))
        elif kind == "relation":
            claims = [s for s in spans if s.label == "claim"]
            actors = [s for s in spans if s.label == "actor"]
            if claims and actors:
                claim, actor = rng.choice(claims), rng.choice(actors)
                if not any(r.source == claim.id and r.target == actor.id for r in relations):
                    aset.add_relation("claimed_by", claim.id, actor.id)
        elif kind == "unrelate" and relations:
            aset.remove_relation(rng.choice(relations).id)
        elif kind == "status":
            aset.set_status(rng.choice(list(Status)))
        elif kind == "undo":
            aset.undo()
        elif kind == "redo":
            aset.redo()
    except EditError:
        return f"{kind} refused"
    return kind


# ---- the child: the program's editing path -----------------------------------------------


def child(path: Path, seed: int, max_edits: int, broken: bool = False) -> None:
    schema = default_schema()
    if broken:  # the harness's self-test: a store that forgets edits must be caught
        _break_journal()
    store, _recovery = AnnotationStore.open(path, schema)
    aset = store.aset
    words = word_bounds(aset.text)
    rng = random.Random(seed)
    save_rng = random.Random(seed ^ 0x5A5A5A)
    out = sys.stdout
    out.write(f"READY {state_hash(aset)}\n")
    out.flush()
    for n in range(1, max_edits + 1):
        random_edit(aset, rng, words)
        # the edit has returned: its journal line is on disk. Acknowledge it.
        out.write(f"ACK {n} {state_hash(aset)}\n")
        out.flush()
        if save_rng.random() < 0.12 and not broken:
            out.write(f"SAVING {n}\n")
            out.flush()
            store.save()
            out.write(f"SAVED {n}\n")
            out.flush()
    store.close()
    out.write("DONE\n")
    out.flush()


def _break_journal() -> None:
    original = AnnotationStore._append_line

    def forgetful(self: AnnotationStore, item: dict[str, Any]) -> None:
        if "seq" not in item:  # keeps headers and checkpoint lines, forgets every edit
            original(self, item)

    AnnotationStore._append_line = forgetful  # type: ignore[method-assign]


# ---- the parent: kill, recover, check ----------------------------------------------------


class Figures:
    def __init__(self) -> None:
        self.kills = 0
        self.files_checked = 0
        self.acknowledged = 0
        self.lost = 0
        self.unreadable = 0
        self.in_flight_recovered = 0
        self.kills_in_save = 0
        self.kills_before_ready = 0
        self.recoveries = 0
        self.replayed = 0
        self.set_aside = 0
        self.mismatches: list[str] = []

    def report(self, seconds: float, folder: Path) -> str:
        leftovers = len([p for p in folder.iterdir() if p.name.endswith(".tmp")])
        return "\n".join(
            [
                f"kills: {self.kills}",
                f"files checked: {self.files_checked}",
                f"edits acknowledged: {self.acknowledged}",
                f"edits lost: {self.lost}",
                f"unreadable files: {self.unreadable}",
                f"kills while saving: {self.kills_in_save}",
                f"kills while opening/recovering: {self.kills_before_ready}",
                f"recoveries that replayed a journal: {self.recoveries} ({self.replayed} batches)",
                f"in-flight edits found on disk: {self.in_flight_recovered}",
                f"journals set aside: {self.set_aside}",
                f"temporary files left by killed saves: {leftovers}",
                f"seconds: {seconds:.1f}",
            ]
        )


def _initial_file(path: Path) -> None:
    document = Document("stress", sample_text(), "stress test article")
    jsonformat.save(AnnotationSet(document, "stress", default_schema()), path)


def _reader(stream: Any, lines: list[str], ready: threading.Event) -> None:
    for line in stream:
        lines.append(line.rstrip("\n"))
        if line.startswith("READY"):
            ready.set()
    ready.set()


def one_kill(path: Path, rng: random.Random, figures: Figures, max_edits: int, broken: bool = False) -> None:
    schema = default_schema()
    start_store, _ = AnnotationStore.open(path, schema)
    start_store.detach()
    start_data = jsonformat.to_json(start_store.aset)
    start_hash = state_hash(start_store.aset)

    seed = rng.randrange(2**32)
    proc = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--child",
            str(path),
            "--seed",
            str(seed),
            "--max-edits",
            str(max_edits),
            *(["--broken"] if broken else []),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    lines: list[str] = []
    ready = threading.Event()
    reader = threading.Thread(target=_reader, args=(proc.stdout, lines, ready), daemon=True)
    reader.start()
    if rng.random() < 0.1 and not broken:
        time.sleep(rng.uniform(0.0, 0.35))  # perhaps while it opens and recovers
    else:
        ready.wait(timeout=30)
        time.sleep(rng.uniform(0.1 if broken else 0.0, 0.25))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    reader.join(timeout=10)
    assert proc.stderr is not None
    errors = proc.stderr.read()
    proc.stderr.close()
    figures.kills += 1
    if proc.returncode != -signal.SIGKILL:
        figures.mismatches.append(f"child ended by itself ({proc.returncode}): {errors[-800:]}")

    acks: dict[int, str] = {}
    for line in lines:
        parts = line.split()
        if parts and parts[0] == "ACK":
            acks[int(parts[1])] = parts[2]
    if not any(line.startswith("READY") for line in lines):
        figures.kills_before_ready += 1
    elif lines and lines[-1].startswith("SAVING"):
        figures.kills_in_save += 1
    if any(line.startswith("READY") and line.split()[1] != start_hash for line in lines):
        figures.mismatches.append("the child opened another state than the parent recovered")
    acked = max(acks, default=0)
    figures.acknowledged += acked

    # 1. the annotation file on its own is always a complete, valid file
    figures.files_checked += 1
    try:
        jsonformat.load(path, schema)
    except jsonformat.AnnotationFileError as exc:
        figures.unreadable += 1
        figures.mismatches.append(f"unreadable file after kill {figures.kills}: {exc}")
    # 2. the store recovers the journal
    if journal_path(path).exists():
        figures.files_checked += 1
    try:
        store, recovery = AnnotationStore.open(path, schema)
    except Exception as exc:  # everything counts as unreadable here
        figures.unreadable += 1
        figures.mismatches.append(f"open failed after kill {figures.kills}: {exc}")
        raise SystemExit(_fail(figures)) from exc
    store.detach()
    if recovery.edits:
        figures.recoveries += 1
        figures.replayed += recovery.edits
    if recovery.set_aside is not None:
        figures.set_aside += 1
        figures.mismatches.append(f"journal set aside: {recovery.message}")
    recovered = state_hash(store.aset)

    # 3. replay the child's edits in-process: the state after each acknowledged edit
    sim = jsonformat.from_json(start_data, schema)
    words = word_bounds(sim.text)
    sim_rng = random.Random(seed)
    expected = [start_hash]
    for n in range(1, acked + 2):
        random_edit(sim, sim_rng, words)
        expected.append(state_hash(sim))
        if n in acks and acks[n] != expected[n]:
            figures.mismatches.append(f"replay differs from the child at edit {n}")
            break
    if recovered == expected[acked]:
        pass
    elif len(expected) > acked + 1 and recovered == expected[acked + 1]:
        figures.in_flight_recovered += 1
    else:
        earlier = [i for i in range(acked + 1) if expected[i] == recovered]
        lost = acked - earlier[-1] if earlier else max(acked, 1)
        figures.lost += lost
        figures.mismatches.append(
            f"kill {figures.kills}: {lost} acknowledged edit(s) missing "
            f"(acknowledged {acked}, recovered state matches edit {earlier[-1:] or 'none'})"
        )


def _fail(figures: Figures) -> str:
    return "\n".join(["FAILED:", *figures.mismatches[:20]])


def run(kills: int, seed: int, folder: Path | None, max_edits: int, broken: bool = False) -> int:
    rng = random.Random(seed)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="annotator-kill-") as tmp:
        work = folder or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        path = work / "stress.annotations.json"
        if not path.exists():
            _initial_file(path)
        figures = Figures()
        for k in range(kills):
            one_kill(path, rng, figures, max_edits, broken)
            if (k + 1) % 25 == 0:
                print(
                    f"... {k + 1} kills, {figures.acknowledged} edits acknowledged, {figures.lost} lost",
                    file=sys.stderr,
                    flush=True,
                )
        print(figures.report(time.monotonic() - started, work))
        if figures.mismatches:
            print(_fail(figures))
        ok = figures.lost == 0 and figures.unreadable == 0 and not figures.mismatches
        return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=None, help="for a repeatable run")
    parser.add_argument("--folder", type=Path, default=None, help="work here (kept afterwards)")
    parser.add_argument("--max-edits", type=int, default=20000, help=argparse.SUPPRESS)
    parser.add_argument("--child", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--broken", action="store_true", help="self-test: a store that forgets edits must fail")
    args = parser.parse_args(argv)
    if args.child is not None:
        child(args.child, args.seed, args.max_edits, args.broken)
        return 0
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    print(f"seed: {seed}")
    return run(args.kills, seed, args.folder, args.max_edits, args.broken)


if __name__ == "__main__":
    sys.exit(main())
