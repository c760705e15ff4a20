"""Expected figures computed straight from the files on disk (json, no annotator code), so
that the analysis is checked against an independent reading."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from annotator.persian.match import fold


def documents(project: Path) -> dict[str, dict[str, Any]]:
    lines = (project / "documents.json").read_text("utf-8")
    data = json.loads(lines)
    items = data["documents"] if isinstance(data, dict) else data
    return {d["id"]: d for d in items}


def entities(project: Path) -> dict[str, dict[str, Any]]:
    data = json.loads((project / "entities.json").read_text("utf-8"))
    return {e["id"]: e for e in data["entities"]}


def files(project: Path, annotator: str) -> dict[str, dict[str, Any]]:
    folder = project / "annotations" / annotator
    return {f.stem: json.loads(f.read_text("utf-8")) for f in sorted(folder.glob("*.json"))}


def node(span: dict[str, Any], registry: dict[str, dict[str, Any]]) -> str:
    if span.get("entity") in registry:
        return str(span["entity"])
    return "mention:" + " ".join(fold(span["text"]).split())


def claims(project: Path, annotator: str) -> list[dict[str, Any]]:
    """One dict per claim: its document, span, position, topic, claimant/addressee/location nodes."""
    registry = entities(project)
    docs = documents(project)
    out = []
    for doc_id, data in files(project, annotator).items():
        spans = {s["id"]: s for s in data["spans"]}
        for s in data["spans"]:
            if s["label"] != "claim":
                continue
            linked: dict[str, list[str]] = {"claimed_by": [], "addressed_to": [], "located_in": []}
            for r in data.get("relations", []):
                if r["from"] == s["id"] and r["type"] in linked:
                    n = node(spans[r["to"]], registry)
                    if n not in linked[r["type"]]:
                        linked[r["type"]].append(n)
            out.append(
                {
                    "doc": doc_id,
                    "date": docs[doc_id].get("date_gregorian", ""),
                    "span": s,
                    "status": data.get("status", ""),
                    "position": s.get("attributes", {}).get("position", ""),
                    "topic": s.get("attributes", {}).get("topic", ""),
                    "claimants": linked["claimed_by"],
                    "addressees": linked["addressed_to"],
                    "locations": linked["located_in"],
                }
            )
    return out


def mention_nodes_by_document(project: Path, annotator: str) -> dict[str, Counter[str]]:
    registry = entities(project)
    return {
        doc_id: Counter(node(s, registry) for s in data["spans"] if s["label"] != "claim")
        for doc_id, data in files(project, annotator).items()
    }
