"""The `briefing.json` export: the contract in DESIGN.md, deterministic (sorted, no timestamps)."""

from __future__ import annotations

import json
from typing import Any

from generator.model import Briefing, Ref

EXPORT_VERSION = 1


def _ref(ref: Ref) -> dict[str, str]:
    return {"article": ref.article, "paragraph": ref.paragraph}


def export(briefing: Briefing) -> dict[str, Any]:
    """Build the export as plain data."""
    topics = [
        {"id": t.id, "title": t.title, "url": f"topics/{t.id}/"} for t in briefing.config.topics
    ]
    articles = [
        {
            "id": a.slug,
            "source_path": a.source_path,
            "url": f"sources/{a.slug}/",
            "title": a.title,
            "date": a.date,
            "outlet": a.outlet,
            "author": a.author,
            "paragraphs": [
                {
                    "id": p.id,
                    "text": p.text,
                    "topics": [f.topic for f in briefing.filings.get(Ref(a.slug, p.id), ())],
                }
                for p in a.paragraphs
            ],
            "removed": [r.text for r in a.removed],
            "copy_of": briefing.copy_of.get(a.slug),
        }
        for a in briefing.articles
    ]
    analysis = briefing.analysis
    entities = [
        {
            "id": e.id,
            "name": e.name,
            "kind": e.kind,
            "roles": [role.text for role in e.roles],
            "url": f"people/{e.id}/",
            "mentions": [_ref(ref) for ref in dict.fromkeys(m.ref for m in e.mentions)],
        }
        for e in analysis.entities
    ]
    quotes = [
        {**_ref(q.ref), "text": q.text, "speaker": q.speaker, "speaker_label": q.speaker_label}
        for q in analysis.quotes
    ]
    positions = [
        {
            "entity": p.entity,
            "stance": p.stance,
            "evidence": [_ref(ref) for ref in dict.fromkeys(e.ref for e in p.evidence)],
        }
        for p in analysis.positions
    ]
    corroborations = [
        {"kind": c.kind, "quotes": [_ref(ref) for ref in c.refs], "texts": list(c.texts)}
        for c in analysis.corroborations
    ]
    data: dict[str, Any] = {
        "version": EXPORT_VERSION,
        "topics": topics,
        "articles": articles,
        "entities": entities,
        "quotes": quotes,
        "positions": positions,
        "corroborations": corroborations,
        "discrepancies": [
            {
                "subject": d.subject,
                "compatible": d.compatible,
                "claims": [{"value": c.value, "text": c.text, **_ref(c.ref)} for c in d.claims],
            }
            for d in analysis.discrepancies
        ],
        "timeline": [
            {
                "date": e.date,
                "precision": e.precision,
                "text": e.text,
                **_ref(e.ref),
                "basis": e.basis,
                "published": e.published,
                "plan": e.plan,
            }
            for e in analysis.timeline
        ],
    }
    return data


def export_json(briefing: Briefing) -> str:
    """The export as stable, pretty JSON text."""
    return json.dumps(export(briefing), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
