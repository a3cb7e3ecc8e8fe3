"""A claim ledger: sources and their claims kept in one SQLite file.

A newsroom adds its sources once (``factcheck ledger add ledger.db sources/``)
and checks every draft against them (``factcheck check draft.md --ledger
ledger.db``) without reading the sources again. Claims are stored as their
JSON records, so what comes back is exactly what went in.

>>> from factcheck.documents import load_document
>>> from factcheck.claims import extract_claims
>>> doc = load_document("a.md", text="Acme had 60 million users on 1 May 2024.", published="2024-05-02")
>>> with Ledger(":memory:") as ledger:
...     _ = ledger.add(doc, extract_claims(doc))
...     [c.quantity.value for c in ledger.claims()]
[Decimal('60000000')]
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pydantic import TypeAdapter

from factcheck.errors import InputError
from factcheck.models import Claim, Document

_CLAIM = TypeAdapter(Claim)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (id TEXT PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS claims (doc_id TEXT NOT NULL REFERENCES documents(id), seq INTEGER NOT NULL,
                                   record TEXT NOT NULL, PRIMARY KEY (doc_id, seq));
"""


class Ledger:
    """A SQLite store of documents and their claims; use as a context manager."""

    def __init__(self, path: str | Path) -> None:
        try:
            self._db = sqlite3.connect(str(path))
            self._db.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise InputError(f"not a factcheck ledger: {exc}", path=str(path)) from None

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Commit and close the file."""
        self._db.commit()
        self._db.close()

    def add(self, document: Document, claims: list[Claim]) -> int:
        """Store a document and its claims, replacing an earlier copy; returns the number of claims."""
        with self._db:
            self._db.execute("DELETE FROM claims WHERE doc_id = ?", (document.id,))
            self._db.execute("INSERT OR REPLACE INTO documents VALUES (?, ?)", (document.id, document.model_dump_json()))
            self._db.executemany(
                "INSERT INTO claims VALUES (?, ?, ?)",
                [(document.id, i, _CLAIM.dump_json(c).decode("utf-8")) for i, c in enumerate(claims)],
            )
        return len(claims)

    def ids(self) -> set[str]:
        """Ids of the stored documents."""
        return {row[0] for row in self._db.execute("SELECT id FROM documents")}

    def documents(self) -> list[Document]:
        """Every stored document, in id order."""
        return [Document.model_validate_json(r[0]) for r in self._db.execute("SELECT record FROM documents ORDER BY id")]

    def claims(self) -> list[Claim]:
        """Every stored claim, by document and position."""
        rows = self._db.execute("SELECT record FROM claims ORDER BY doc_id, seq")
        return [_CLAIM.validate_json(r[0]) for r in rows]

    def count(self) -> int:
        """How many claims are stored."""
        return self._db.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
