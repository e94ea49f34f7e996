"""One tagged PDF from several rendered in parts: pages, structure tree, bookmarks, destinations.

The parts are WeasyPrint's PDF/UA-1 documents of one catalogue, in reading order; the first part
gives the catalogue-wide entries (language, metadata, title, viewer preferences). Each part's
Document element's children join the first part's Document; the parent tree's keys, each page's
/StructParents and each annotation's /StructParent move up by the keys used before them; outlines
are chained in order; named destinations are merged, a later part's winning (the front holds
empty stand-ins for the anchors its contents link to, see catalogue_split.py).

Part by part: once a part is copied, its copied streams get their own data and the part is
closed, so only the merged PDF and one part are ever in memory (decisions.md 76).
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name


def merge(
    parts: Sequence[bytes],
    finish: Callable[[pikepdf.Pdf], None] | None = None,
    adopt: Sequence[int] = (),
) -> bytes:
    """The parts as one PDF; `finish` may change the merged PDF (e.g. stamp page numbers) first.

    `adopt[k]` leading top-level bookmarks of part k go under the last top-level bookmark before
    them (a part that continues an area has its offers' bookmarks but not the area's).
    """
    out = pikepdf.open(io.BytesIO(parts[0]))
    tree = out.Root.StructTreeRoot
    document = _document(tree)
    nums = list(_numbers(tree.ParentTree))
    next_key = _next_key(tree, nums)
    dests = dict(_names(out.Root.Names.Dests)) if "/Names" in out.Root else {}
    for index, data in enumerate(parts[1:], start=1):
        part = pikepdf.open(io.BytesIO(data))
        first = len(out.pages)
        out.pages.extend(part.pages)
        renamed: set[tuple[int, int]] = set()
        for page in out.pages[first:]:
            _offset_keys(page.obj, next_key)
            _retag_fonts(page.obj.get("/Resources"), index, renamed)
        ptree = part.Root.StructTreeRoot
        for child in _copy(out, _document(ptree).K):
            if isinstance(child, Dictionary):
                child.P = document
            document.K.append(child)
        pnums = list(_numbers(ptree.ParentTree))
        for key, value in pnums:
            nums.append((key + next_key, _copy(out, value)))
        next_key += _next_key(ptree, pnums)
        for map_name in ("/RoleMap", "/ClassMap"):
            if map_name in ptree:
                merged = tree.get(map_name, Dictionary())
                for name, value in _copy(out, ptree[map_name]).items():
                    merged[name] = value
                tree[map_name] = merged
        if "/Names" in part.Root and "/Dests" in part.Root.Names:
            for name, dest in _names(part.Root.Names.Dests):
                dests[name] = _copy(out, dest)
        if "/Outlines" in part.Root:
            moved = adopt[index] if index < len(adopt) else 0
            _chain_outlines(out, _copy(out, part.Root.Outlines), moved)
        _own_streams(out.pages[first:])
        part.close()
    tree.ParentTree = out.make_indirect(
        Dictionary(Nums=Array([x for key, value in sorted(nums) for x in (key, value)]))
    )
    tree.ParentTreeNextKey = next_key
    if dests:
        names = Array([x for name, dest in sorted(dests.items()) for x in (name, dest)])
        if "/Names" not in out.Root:
            out.Root.Names = Dictionary()
        out.Root.Names.Dests = out.make_indirect(Dictionary(Names=names))
    if finish is not None:
        finish(out)
    buffer = io.BytesIO()
    # Object streams: the parts' structure elements (six in seven of the catalogue's objects)
    # packed and compressed as WeasyPrint packs them (21 MB → 9 MB at 1,000 offers).
    out.save(buffer, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    out.close()
    return buffer.getvalue()


def _own_streams(pages: Sequence[pikepdf.Page]) -> None:
    """Give every stream the copied `pages` use its data, still encoded, so their part can close.

    QPDF's copy of a stream reads its data from the other PDF only when the merged one is written.
    """
    seen: set[tuple[int, int]] = set()
    todo: list[object] = [page.obj for page in pages]
    while todo:
        obj = todo.pop()
        if not isinstance(obj, pikepdf.Object):
            continue
        if obj.is_indirect:
            if obj.objgen in seen:
                continue
            seen.add(obj.objgen)
        if isinstance(obj, pikepdf.Stream):
            raw = obj.read_raw_bytes()
            encoded: dict[str, Any] = {"filter": obj.get("/Filter")}
            encoded["decode_parms"] = obj.get("/DecodeParms")
            obj.write(raw, type_check=False, **encoded)
            todo.extend(obj.values())
        elif isinstance(obj, Dictionary):
            # Up the page tree and the structure tree lie other pages' objects, not this page's.
            todo.extend(value for key, value in obj.items() if key not in ("/Parent", "/P"))
        elif isinstance(obj, Array):
            todo.extend(obj)


def _copy(out: pikepdf.Pdf, obj: pikepdf.Object) -> pikepdf.Object:
    """`obj` from another PDF into `out` (QPDF copies indirect objects only; this also direct ones).

    QPDF remembers what it copied from each PDF, so a page reference lands on the copied page.
    """
    if isinstance(obj, pikepdf.Object) and obj.is_indirect:
        return out.copy_foreign(obj)
    if isinstance(obj, Array):
        return Array([_copy(out, item) for item in obj])
    if isinstance(obj, Dictionary):
        return Dictionary({key: _copy(out, value) for key, value in obj.items()})
    return obj


def _document(tree: pikepdf.Object) -> pikepdf.Object:
    """The one /Document element WeasyPrint puts under the structure tree's root."""
    kids = tree.K
    document = kids[0] if isinstance(kids, Array) else kids
    if (isinstance(kids, Array) and len(kids) != 1) or document.get("/S") != Name.Document:
        raise ValueError("the structure tree does not have one Document element")
    if not isinstance(document.K, Array):
        document.K = Array([document.K])
    return document


def _leaves(node: pikepdf.Object, entries: str) -> Iterator[tuple[pikepdf.Object, pikepdf.Object]]:
    """The (key, value) pairs of a number tree (`entries` "/Nums") or name tree ("/Names"), in order."""
    if entries in node:
        flat = list(node[entries])
        for i in range(0, len(flat), 2):
            yield flat[i], flat[i + 1]
    for kid in node.get("/Kids", ()):
        yield from _leaves(kid, entries)


def _numbers(node: pikepdf.Object) -> Iterator[tuple[int, pikepdf.Object]]:
    return ((int(key), value) for key, value in _leaves(node, "/Nums"))


def _names(node: pikepdf.Object) -> Iterator[tuple[str, pikepdf.Object]]:
    return ((str(key), value) for key, value in _leaves(node, "/Names"))


def _next_key(tree: pikepdf.Object, nums: list[tuple[int, pikepdf.Object]]) -> int:
    known = int(tree.ParentTreeNextKey) if "/ParentTreeNextKey" in tree else 0
    return max([known, *(key + 1 for key, _ in nums)])


def _offset_keys(page: pikepdf.Object, offset: int) -> None:
    """Move a page's and its annotations' parent-tree keys up by `offset`."""
    if "/StructParents" in page:
        page.StructParents = int(page.StructParents) + offset
    for annot in page.get("/Annots", ()):
        if "/StructParent" in annot:
            annot.StructParent = int(annot.StructParent) + offset


def _retag_fonts(resources: pikepdf.Object | None, part: int, done: set[tuple[int, int]]) -> None:
    """Give part `part`'s embedded subsets their own tags ("ABCDEF+DejaVu-Sans").

    WeasyPrint derives a subset's six-letter tag from the font, not from the glyphs it keeps, so
    every part names its own DejaVu subset alike; a PDF must not (different subsets, different
    tags), or a reader may draw one part's text with another part's glyphs.
    """
    if not isinstance(resources, Dictionary):
        return
    for font in resources.get("/Font", Dictionary()).values():
        if font.is_indirect and font.objgen in done:
            continue
        if font.is_indirect:
            done.add(font.objgen)
        for target in [font, *font.get("/DescendantFonts", ())]:
            for holder, key in (
                (target, "/BaseFont"),
                (target.get("/FontDescriptor"), "/FontName"),
            ):
                if isinstance(holder, Dictionary) and key in holder:
                    holder[key] = Name("/" + _retag(str(holder[key])[1:], part))
    for xobject in resources.get("/XObject", Dictionary()).values():
        if xobject.is_indirect and xobject.objgen in done:
            continue
        if xobject.is_indirect:
            done.add(xobject.objgen)
        _retag_fonts(xobject.get("/Resources"), part, done)


def _retag(name: str, part: int) -> str:
    """`name` with a subset tag made from its old tag and the part's number (stable)."""
    tag, plus, rest = name.partition("+")
    if not plus or len(tag) != 6 or not tag.isalpha() or not tag.isupper():
        return name
    digest = hashlib.sha256(f"{tag}{part}".encode()).digest()
    return "".join(chr(ord("A") + b % 26) for b in digest[:6]) + "+" + rest


def _chain_outlines(out: pikepdf.Pdf, outlines: pikepdf.Object, adopt: int = 0) -> None:
    """Append a copied outline's top-level items after the merged document's (the first `adopt`
    of them as children of its last top-level item)."""
    items = list(_siblings(outlines))
    if not items:
        return
    if "/Outlines" not in out.Root or "/First" not in out.Root.Outlines:
        if adopt:
            raise ValueError("no bookmark to put the continued part's bookmarks under")
        out.Root.Outlines = outlines
        return
    root = out.Root.Outlines
    count = int(root.get("/Count", 0)) + int(outlines.get("/Count", 0))
    if adopt:
        parent = root.Last
        moved = items[:adopt]
        _append(parent, moved)
        if int(parent.get("/Count", 0)) < 0:  # a closed bookmark: its children are not shown
            parent.Count = int(parent.Count) - len(moved)
            count -= len(moved) + sum(max(0, int(item.get("/Count", 0))) for item in moved)
        else:
            parent.Count = int(parent.get("/Count", 0)) + len(moved)
    _append(root, items[adopt:])
    root.Count = count


def _siblings(outlines: pikepdf.Object) -> Iterator[pikepdf.Object]:
    item = outlines.get("/First")
    while item is not None:
        yield item
        item = item.get("/Next")


def _append(parent: pikepdf.Object, items: list[pikepdf.Object]) -> None:
    """Put `items` (in order) after `parent`'s last child."""
    for item in items:
        item.Parent = parent
        for key in ("/Prev", "/Next"):
            if key in item:
                del item[key]
        if "/Last" in parent:
            parent.Last.Next = item
            item.Prev = parent.Last
        else:
            parent.First = item
        parent.Last = item
