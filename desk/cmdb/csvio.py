"""CSV import and export of CIs and relationships (for administrators and discovery tools).

``cis.csv``: ``name,class,status,environment,criticality,owner_group,external_id`` and
optionally ``location,asset_tag,serial``, then any class fields as further columns.
``relationships.csv``: ``source,type,target`` with CI names (``class:name`` where a name
occurs in more than one class). UTF-8 with or without BOM.

All or nothing: every row is validated first; if any row is bad, ``ImportFailed`` lists every
bad row (file, line, reason) and nothing is written. A CI is matched by external id, else by
(class, name); only differences are written (and audited), so importing the same files again
changes nothing. Relationships are only added, never removed, by an import.

Empty cells: ``status``/``environment``/``criticality``/``external_id`` keep the stored value
(defaults for a new CI); ``owner_group``/``location``/``asset_tag``/``serial`` and class fields
are cleared. A column the file lacks is left alone.
"""

from __future__ import annotations

import csv
import os
import re
import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from desk.cmdb.services import (
    AUDIT_TABLE,
    CORE_COLUMNS,
    FieldDef,
    _fields_of,
    class_order,
    field_text,
    field_value,
    parse_criticality,
    parse_environment,
    parse_name,
    parse_rel_type,
    parse_status,
)
from desk.cmdb.settings import touch_graph
from desk.cmdb.vocab import DEFAULT_CRITICALITY, CiStatus, Environment, RelType
from desk.db.session import Database, changes_of, record
from desk.domain.text import clean_text
from desk.errors import DeskError, ValidationError
from desk.i18n import _
from desk.ids import uuid7
from desk.models import AuditEntry, Group
from desk.models.cmdb import CiClass, CiRelationship, ConfigurationItem
from desk.services.changes import RowOp, Written
from desk.timeutil import utcnow

CI_COLUMNS = ("name", "class", "status", "environment", "criticality", "owner_group",
              "external_id")
OPTIONAL_COLUMNS = ("location", "asset_tag", "serial")
REL_COLUMNS = ("source", "type", "target")
_CLEARABLE = {"asset_tag": 80, "serial": 120}


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        if self.line:
            return _("{file} line {line}: {reason}").format(
                file=self.file, line=self.line, reason=self.reason)
        return f"{self.file}: {self.reason}"


class ImportFailed(ValidationError):
    """Bad rows; nothing was written. ``problems`` lists every one."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(_("{n} bad rows; nothing was imported").format(n=len(problems)))
        self.problems = problems

    def report(self) -> str:
        return "\n".join(str(p) for p in self.problems)


@dataclass(frozen=True)
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    relationships_created: int = 0
    relationships_unchanged: int = 0

    def __str__(self) -> str:
        return _("{c} CIs created, {u} updated, {s} unchanged; {r} relationships created, "
                 "{rs} already present").format(
            c=self.created, u=self.updated, s=self.unchanged, r=self.relationships_created,
            rs=self.relationships_unchanged)


# ---------------------------------------------------------------- reading files


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection). Export
# puts an apostrophe before such a value (and before one that already starts with
# apostrophes and then one of these), import takes one off: every value round-trips.
_FORMULA = re.compile(r"'*[=+\-@\t\r]")


def neutralize(value: object) -> str:
    """A cell value as exported: spreadsheets show it as text, never run it."""
    text = "" if value is None else str(value)
    return f"'{text}" if _FORMULA.match(text) else text


def restore(value: str) -> str:
    """The value a neutralized cell stands for (other cells as they are)."""
    return value[1:] if value.startswith("'") and _FORMULA.match(value, 1) else value


def _rows(path: Path, required: tuple[str, ...],
          problems: list[Problem]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for each data row; header problems are reported, not raised."""
    name = path.name
    try:
        handle = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115
    except OSError as err:
        raise DeskError(_("Cannot read {path}: {reason}").format(
            path=path, reason=err.strerror)) from None
    with handle:
        last = 0
        try:
            # strict: a quote that is never closed is an error, not the rest of the file
            # swallowed into one value.
            reader = csv.reader(handle, strict=True)
            header = next(reader, None)
            if header is None:
                problems.append(Problem(name, 0, _("the file is empty")))
                return
            cols = [h.strip().lower() for h in header]
            missing = [c for c in required if c not in cols]
            dupes = sorted({c for c in cols if cols.count(c) > 1 and c})
            if missing or dupes:
                if missing:
                    problems.append(Problem(name, 1, _("missing columns: {cols}").format(
                        cols=", ".join(missing))))
                if dupes:
                    problems.append(Problem(name, 1, _("repeated columns: {cols}").format(
                        cols=", ".join(dupes))))
                return
            last = reader.line_num
            for values in reader:
                line = last + 1
                last = reader.line_num
                if not any(v.strip() for v in values):
                    continue
                if len(values) > len(cols):
                    problems.append(Problem(name, line, _(
                        "{n} values but only {m} columns").format(n=len(values), m=len(cols))))
                    continue
                row = {c: (restore(values[i]) if i < len(values) else "")
                       for i, c in enumerate(cols) if c}
                try:
                    for col, value in row.items():
                        clean_text(value, col, col)
                except ValidationError as err:
                    problems.append(Problem(name, line, str(err)))
                    continue
                yield line, row
        except UnicodeDecodeError:
            raise DeskError(_("{path} is not UTF-8 text").format(path=path)) from None
        except csv.Error as err:
            if "unexpected end of data" in str(err):
                raise DeskError(_(
                    "{path} line {line}: a value opened with a quote (\") is never closed"
                ).format(path=path, line=last + 1)) from None
            raise DeskError(_("{path} line {line}: {reason}").format(
                path=path, line=reader.line_num, reason=err)) from None


# ---------------------------------------------------------------- import


@dataclass
class _Existing:
    id: uuid.UUID
    name: str
    class_id: uuid.UUID
    values: dict[str, Any]


@dataclass
class _Planned:
    line: int
    existing: _Existing | None
    class_id: uuid.UUID
    name: str
    values: dict[str, Any]  # columns to set (ORM attribute names)
    location_ref: str | None = None  # to resolve once every row is known
    location_given: bool = False


_VALUE_COLS = ("status", "environment", "criticality", "owner_group_id", "location_id",
               "asset_tag", "serial", "external_id", "attributes")


def import_cmdb(db: Database, actor_id: uuid.UUID | None, cis: Path | None = None,
                relationships: Path | None = None) -> Written[ImportSummary]:
    problems: list[Problem] = []
    ci_rows = list(_rows(Path(cis), ("name", "class"), problems)) if cis else []
    rel_rows = list(_rows(Path(relationships), REL_COLUMNS, problems)) if relationships else []
    ci_file = Path(cis).name if cis else ""
    rel_file = Path(relationships).name if relationships else ""
    with db.read() as s:
        state = _State.load(s)
    plans = [p for line, row in ci_rows
             if (p := state.plan_ci(ci_file, line, row, problems)) is not None]
    state.resolve_locations(ci_file, plans, problems)
    edges = state.plan_edges(rel_file, rel_rows, problems)
    if problems:
        problems.sort(key=lambda p: (p.file != ci_file, p.line))
        raise ImportFailed(problems)
    return state.write(db, actor_id, plans, edges)


class _State:
    """What the database holds, plus what the files add, for validation in memory."""

    def __init__(self) -> None:
        self.classes: dict[str, CiClass] = {}
        self.class_by_id: dict[uuid.UUID, CiClass] = {}
        self.fields: dict[uuid.UUID, dict[str, FieldDef]] = {}
        self.groups: dict[str, uuid.UUID] = {}
        self.by_external: dict[str, _Existing] = {}
        self.by_key: dict[tuple[uuid.UUID, str], _Existing] = {}
        self.existing: list[_Existing] = []
        self.seen_keys: dict[tuple[uuid.UUID, str], int] = {}
        self.seen_external: dict[str, int] = {}
        self.final: dict[tuple[uuid.UUID, str], uuid.UUID | _Planned] = {}
        self.by_name: dict[str, list[tuple[uuid.UUID, str]]] = defaultdict(list)

    @classmethod
    def load(cls, s: Session) -> _State:
        st = cls()
        for c in s.scalars(select(CiClass).where(CiClass.deleted_at.is_(None))):
            s.expunge(c)
            st.classes[c.name] = c
            st.class_by_id[c.id] = c
            st.fields[c.id] = {f.name: f for f in _fields_of(c)}
        st.groups = {n: i for i, n in s.execute(
            select(Group.id, Group.name).where(Group.deleted_at.is_(None)))}
        cols = [getattr(ConfigurationItem, c) for c in _VALUE_COLS]
        for row in s.execute(select(ConfigurationItem.id, ConfigurationItem.name,
                                    ConfigurationItem.class_id, *cols)
                             .where(ConfigurationItem.deleted_at.is_(None))):
            e = _Existing(row[0], row[1], row[2], dict(zip(_VALUE_COLS, row[3:], strict=True)))
            st.existing.append(e)
            st.by_key[(e.class_id, e.name)] = e
            ext = e.values["external_id"]
            if ext:
                st.by_external[ext] = e
        return st

    # -- CIs

    def plan_ci(self, file: str, line: int, row: dict[str, str],
                problems: list[Problem]) -> _Planned | None:
        reasons: list[str] = []

        def check(fn: Any, *args: Any) -> Any:
            try:
                return fn(*args)
            except ValidationError as err:
                reasons.append(str(err))
                return None

        name = check(parse_name, row.get("name", ""))
        class_name = row.get("class", "").strip().lower().replace(" ", "_")
        c = self.classes.get(class_name)
        if c is None:
            reasons.append(_("unknown class {name!r}").format(name=row.get("class", "")))
        ext = row.get("external_id", "").strip() or None
        if ext is not None and len(ext) > 200:
            reasons.append(_("the external id is longer than 200 characters"))
        existing = None
        if ext is not None:
            existing = self.by_external.get(ext)
        if existing is None and c is not None and name is not None:
            existing = self.by_key.get((c.id, name))
        if existing is not None and ext is None:
            ext = existing.values["external_id"]
        values: dict[str, Any] = {}
        old = existing.values if existing else {}
        for key, parse, default in (("status", parse_status, CiStatus.IN_USE),
                                    ("environment", parse_environment, Environment.PRODUCTION),
                                    ("criticality", parse_criticality, DEFAULT_CRITICALITY)):
            raw = row.get(key, "").strip()
            if raw:
                v = check(parse, raw)
                if v is not None:
                    values[key] = v if key == "criticality" else str(v)
            elif existing is None:
                values[key] = str(default) if key != "criticality" else default
        if "owner_group" in row:
            g = row["owner_group"].strip()
            if g and g not in self.groups:
                reasons.append(_("unknown owner group {name!r}").format(name=g))
            values["owner_group_id"] = self.groups.get(g) if g else None
        elif existing is None:
            values["owner_group_id"] = None
        for key, limit in _CLEARABLE.items():
            if key in row:
                v = row[key].strip()
                if len(v) > limit:
                    reasons.append(_("{col} is longer than {n} characters").format(
                        col=key, n=limit))
                values[key] = v or None
            elif existing is None:
                values[key] = None
        values["external_id"] = ext
        if c is not None:
            fields = self.fields[c.id]
            class_changes = existing is not None and existing.class_id != c.id
            attrs = {} if existing is None or class_changes else dict(old["attributes"] or {})
            if class_changes:
                attrs = {k: v for k, v in (old["attributes"] or {}).items() if k in fields}
            for col, raw in row.items():
                if col in CORE_COLUMNS:
                    continue
                f = fields.get(col)
                if f is None:
                    if raw.strip():
                        reasons.append(_("class {cls} has no field {field}").format(
                            cls=c.name, field=col))
                    continue
                v = check(field_value, f, raw)
                if v is None:
                    attrs.pop(col, None)
                else:
                    attrs[col] = v
            for f in fields.values():
                if f.required and f.name not in attrs and f.name not in row:
                    reasons.append(_("{field} is required").format(field=f.name))
            values["attributes"] = attrs
        if c is not None and name is not None:
            key = (c.id, name)
            first = self.seen_keys.get(key)
            if first is not None:
                reasons.append(_("the same CI as line {line}").format(line=first))
            self.seen_keys[key] = line
            other = self.by_key.get(key)
            if other is not None and existing is not None and other.id != existing.id:
                reasons.append(_("another {cls} is named {name} already").format(
                    cls=c.name, name=name))
        if ext is not None and row.get("external_id", "").strip():
            first = self.seen_external.get(ext)
            if first is not None:
                reasons.append(_("external id {id} is used on line {line} too").format(
                    id=ext, line=first))
            self.seen_external[ext] = line
        location_ref = None
        if "location" in row:
            location_ref = row["location"].strip() or None
        for r in reasons:
            problems.append(Problem(file, line, r))
        if reasons or c is None or name is None:
            return None
        p = _Planned(line, existing, c.id, name, values, location_ref, "location" in row)
        return p

    def _final_names(self, plans: list[_Planned]) -> None:
        """Every CI after the import, indexed by name, for references (location, edges)."""
        self.final = {}
        moved = {p.existing.id for p in plans if p.existing is not None}
        for e in self.existing:
            if e.id not in moved:
                self.final[(e.class_id, e.name)] = e.id
        for p in plans:
            self.final[(p.class_id, p.name)] = p
        self.by_name = defaultdict(list)
        for cid, name in self.final:
            self.by_name[name].append((cid, name))

    def _lookup(self, ref: str) -> tuple[tuple[uuid.UUID, str] | None, str | None]:
        """(key, problem) for a CI reference: a name, or class:name."""
        matches = self.by_name.get(ref, [])
        if not matches and ":" in ref:
            cls, _sep, name = ref.partition(":")
            c = self.classes.get(cls.strip().lower())
            if c is not None and (c.id, name.strip()) in self.final:
                return (c.id, name.strip()), None
        if len(matches) == 1:
            return matches[0], None
        if not matches:
            return None, _("no CI named {name!r}").format(name=ref)
        return None, _("{name!r} names more than one CI; write class:name").format(name=ref)

    def resolve_locations(self, file: str, plans: list[_Planned],
                          problems: list[Problem]) -> None:
        self._final_names(plans)
        for p in plans:
            if not p.location_given:
                if p.existing is None:
                    p.values["location_id"] = None
                continue
            if p.location_ref is None:
                p.values["location_id"] = None
                continue
            key, problem = self._lookup(p.location_ref)
            if problem:
                problems.append(Problem(file, p.line, _("location: {reason}").format(
                    reason=problem)))
            elif key == (p.class_id, p.name):
                problems.append(Problem(file, p.line, _("a CI cannot be its own location")))
            else:
                p.values["location_id"] = key  # a key until ids are known

    # -- relationships

    def plan_edges(self, file: str, rows: list[tuple[int, dict[str, str]]],
                   problems: list[Problem]) -> list[tuple[tuple[uuid.UUID, str], RelType,
                                                          tuple[uuid.UUID, str]]]:
        if not self.final and rows:
            self._final_names([])
        edges = []
        for line, row in rows:
            reasons = []
            src, p1 = self._lookup(row["source"].strip())
            dst, p2 = self._lookup(row["target"].strip())
            for label, prob in ((_("source"), p1), (_("target"), p2)):
                if prob:
                    reasons.append(f"{label}: {prob}")
            t = None
            try:
                t = parse_rel_type(row["type"])
            except ValidationError as err:
                reasons.append(str(err))
            if src is not None and src == dst:
                reasons.append(_("a CI cannot be related to itself"))
            for r in reasons:
                problems.append(Problem(file, line, r))
            if not reasons and src is not None and dst is not None and t is not None:
                edges.append((src, t, dst))
        return edges

    # -- writing

    def write(self, db: Database, actor_id: uuid.UUID | None, plans: list[_Planned],
              edges: list[tuple[tuple[uuid.UUID, str], RelType, tuple[uuid.UUID, str]]],
              ) -> Written[ImportSummary]:
        at = utcnow()
        ids: dict[tuple[uuid.UUID, str], uuid.UUID] = {
            k: v for k, v in self.final.items() if isinstance(v, uuid.UUID)}
        for p in plans:
            ids[(p.class_id, p.name)] = p.existing.id if p.existing else uuid7()
        for p in plans:
            loc = p.values.get("location_id")
            if isinstance(loc, tuple):
                p.values["location_id"] = ids[loc]
        created = updated = unchanged = 0
        new_rows: list[dict[str, Any]] = []
        later_locations: list[dict[str, Any]] = []
        audits: list[dict[str, Any]] = []
        updates: list[tuple[uuid.UUID, dict[str, Any]]] = []
        for p in plans:
            ci_id = ids[(p.class_id, p.name)]
            if p.existing is None:
                created += 1
                row = {"id": ci_id, "name": p.name, "class_id": p.class_id, "row_version": 1,
                       "created_at": at, "updated_at": at, **p.values}
                if row["location_id"] is not None:
                    later_locations.append({"b_id": ci_id, "b_loc": row["location_id"]})
                    row["location_id"] = None
                new_rows.append(row)
                cls = self.class_by_id[p.class_id].name
                audits.append(_audit_row(actor_id, ci_id, "created", None, f"{cls}:{p.name}",
                                         at))
                continue
            e = p.existing
            diff = {k: v for k, v in p.values.items() if e.values.get(k) != v}
            if e.name != p.name:
                diff["name"] = p.name
            if e.class_id != p.class_id:
                diff["class_id"] = p.class_id
            if not diff:
                unchanged += 1
                continue
            updated += 1
            for k, v in diff.items():
                if k == "attributes":
                    old_attrs = e.values.get("attributes") or {}
                    for a in sorted(set(old_attrs) | set(v)):
                        if old_attrs.get(a) != v.get(a):
                            audits.append(_audit_row(actor_id, ci_id, f"attributes.{a}",
                                                     old_attrs.get(a), v.get(a), at))
                else:
                    old = {"name": e.name, "class_id": e.class_id}.get(k, e.values.get(k))
                    audits.append(_audit_row(actor_id, ci_id, k, old, v, at))
            updates.append((ci_id, diff))

        with db.write() as s:
            existing_edges: dict[tuple[uuid.UUID, str, uuid.UUID], tuple[uuid.UUID, bool]] = {}
            if edges:
                for rid, a, t, b, deleted in s.execute(select(
                        CiRelationship.id, CiRelationship.source_id, CiRelationship.type,
                        CiRelationship.target_id, CiRelationship.deleted_at)):
                    existing_edges[(a, t, b)] = (rid, deleted is not None)
            table = ConfigurationItem.__table__
            if new_rows:
                s.execute(insert(table), new_rows)
            if later_locations:
                s.execute(update(table).where(table.c.id == bindparam("b_id"))
                          .values(location_id=bindparam("b_loc")), later_locations)
            for ci_id, diff in updates:
                s.execute(update(table).where(table.c.id == ci_id).values(
                    **diff, updated_at=at, row_version=table.c.row_version + 1))
            rel_new: list[dict[str, Any]] = []
            rel_revive: list[dict[str, Any]] = []
            rel_same = 0
            names = {v: k[1] for k, v in ids.items()}
            seen: set[tuple[uuid.UUID, str, uuid.UUID]] = set()
            for src, t, dst in edges:
                key = (ids[src], str(t), ids[dst])
                if key in seen:
                    continue
                seen.add(key)
                found = existing_edges.get(key)
                if found is not None and not found[1]:
                    rel_same += 1
                    continue
                if found is None:
                    rel_new.append({"id": uuid7(), "source_id": key[0], "type": key[1],
                                    "target_id": key[2], "row_version": 1, "created_at": at,
                                    "updated_at": at})
                else:
                    rel_revive.append({"b_id": found[0]})
                audits.append(_audit_row(actor_id, key[0], f"relationship.{t}", None,
                                         names[key[2]], at))
            rel_table = CiRelationship.__table__
            if rel_new:
                s.execute(insert(rel_table), rel_new)
            if rel_revive:
                s.execute(update(rel_table).where(rel_table.c.id == bindparam("b_id"))
                          .values(deleted_at=None, updated_at=at,
                                  row_version=rel_table.c.row_version + 1), rel_revive)
            if audits:
                s.execute(insert(AuditEntry.__table__), audits)
            # Core statements: the flush events do not see these rows.
            record(s, "configuration_items", [r["id"] for r in new_rows], RowOp.INSERT)
            record(s, "configuration_items", [r["b_id"] for r in later_locations]
                   + [ci_id for ci_id, _diff in updates], RowOp.UPDATE)
            record(s, "ci_relationships", [r["id"] for r in rel_new], RowOp.INSERT)
            record(s, "ci_relationships", [r["b_id"] for r in rel_revive], RowOp.UPDATE)
            record(s, "audit_entries", [r["id"] for r in audits], RowOp.INSERT)
            if new_rows or updates or rel_new or rel_revive:
                touch_graph(s)
        return Written(ImportSummary(created, updated, unchanged,
                                     len(rel_new) + len(rel_revive), rel_same), changes_of(s))


def _audit_row(actor_id: uuid.UUID | None, ci_id: uuid.UUID, name: str, old: object,
               new: object, at: datetime) -> dict[str, Any]:
    def text(v: object) -> str | None:
        if v is None:
            return None
        if isinstance(v, bool):
            return "true" if v else "false"
        return str(v)

    return {"id": uuid7(), "actor_id": actor_id, "table_name": AUDIT_TABLE, "record_id": ci_id,
            "field": name, "old_value": text(old), "new_value": text(new), "created_at": at}


# ---------------------------------------------------------------- export


@dataclass(frozen=True)
class ExportSummary:
    cis: int
    relationships: int


def _check_writable(path: Path) -> None:
    """Refuse an export path up front, so no file is half written when the other fails."""
    if path.is_dir():
        raise DeskError(_("Cannot write {path}: it is a folder").format(path=path))
    if not path.parent.is_dir():
        raise DeskError(_("Cannot write {path}: the folder {folder} does not exist").format(
            path=path, folder=path.parent))
    if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise DeskError(_("Cannot write {path}: permission denied").format(path=path))


def _open_for_writing(path: Path) -> TextIO:
    try:
        return open(path, "w", encoding="utf-8", newline="")
    except OSError as err:
        raise DeskError(_("Cannot write {path}: {reason}").format(
            path=path, reason=err.strerror)) from None


def export_cmdb(db: Database, cis: Path, relationships: Path | None = None) -> ExportSummary:
    """Write the live CMDB in the import format (export → import round-trips)."""
    for path in (cis, relationships):
        if path is not None:
            _check_writable(path)
    with db.read() as s:
        classes = sorted(s.scalars(select(CiClass).where(CiClass.deleted_at.is_(None))),
                         key=class_order)
        class_name = {c.id: c.name for c in classes}
        field_cols: list[str] = []
        fields_by_class = {c.id: {f.name for f in _fields_of(c)} for c in classes}
        for c in classes:
            for f in _fields_of(c):
                if f.name not in field_cols:
                    field_cols.append(f.name)
        groups = dict(s.execute(select(Group.id, Group.name)).all())
        rows = s.execute(select(
            ConfigurationItem.id, ConfigurationItem.name, ConfigurationItem.class_id,
            ConfigurationItem.status, ConfigurationItem.environment,
            ConfigurationItem.criticality, ConfigurationItem.owner_group_id,
            ConfigurationItem.external_id, ConfigurationItem.location_id,
            ConfigurationItem.asset_tag, ConfigurationItem.serial, ConfigurationItem.attributes)
            .where(ConfigurationItem.deleted_at.is_(None))).all()
        rows.sort(key=lambda r: (class_name.get(r[2], ""), r[1]))
        counts: dict[str, int] = defaultdict(int)
        for r in rows:
            counts[r[1]] += 1
        ref = {r[0]: (f"{class_name[r[2]]}:{r[1]}" if counts[r[1]] > 1 else r[1])
               for r in rows}
        n_rel = 0
        with _open_for_writing(cis) as out:
            w = csv.writer(out)
            w.writerow([*CI_COLUMNS, *OPTIONAL_COLUMNS, *field_cols])
            for (_ci_id, name, cid, status, env, crit, group_id, ext, loc, tag, serial,
                 attrs) in rows:
                own = fields_by_class.get(cid, set())
                w.writerow([neutralize(v) for v in [name, class_name[cid], status, env, crit,
                            groups.get(group_id, "") if group_id else "", ext or "",
                            ref.get(loc, "") if loc else "", tag or "", serial or "",
                            *[field_text((attrs or {}).get(f)) if f in own else ""
                              for f in field_cols]]])
        if relationships is not None:
            edges = s.execute(select(CiRelationship.source_id, CiRelationship.type,
                                     CiRelationship.target_id)
                              .where(CiRelationship.deleted_at.is_(None))).all()
            lines = sorted((ref[a], t, ref[b]) for a, t, b in edges if a in ref and b in ref)
            with _open_for_writing(relationships) as out:
                w = csv.writer(out)
                w.writerow(REL_COLUMNS)
                w.writerows([neutralize(v) for v in line] for line in lines)
            n_rel = len(lines)
    return ExportSummary(len(rows), n_rel)
