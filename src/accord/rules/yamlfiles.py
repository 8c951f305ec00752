"""Reading YAML strictly and within bounds (charter files, scenarios, rule cases).

A duplicated key is an error, never a silent overwrite. A file is at most ``MAX_YAML_BYTES``
(PyYAML reads ~200 KB/s here, so a 50 MB file took minutes), nested at most ``MAX_DEPTH``
deep (the composer recurses: deeper input would exhaust the stack), and at most
``MAX_NODES`` nodes once its aliases are expanded, counted as it is composed: an alias bomb
("billion laughs") is refused before any of it is built, as is an alias inside the node it
names. Explicit tags (``!!int``, ``!!python/…``) are refused: no charter or scenario needs one,
and PyYAML's own constructors fail on some of them with errors that are not YAML errors.
"""

from __future__ import annotations

import datetime as dt
import io
import stat
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from yaml._yaml import CParser  # libyaml's: PyYAML's own parser read the charter 4× slower
from yaml.composer import Composer
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, SequenceNode
from yaml.resolver import Resolver

from accord.kernel.errors import CharterError

#: The largest YAML file read: the largest bundled one (csto/sources.yaml) is 34 KB.
MAX_YAML_BYTES = 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 100_000
_PLAIN_TAGS = (None, "!")


class _StrictLoader(Composer, SafeConstructor, Resolver, CParser):
    """Python's composer, where the bounds below are counted, over libyaml's events."""

    def __init__(self, text: str, name: str) -> None:
        stream = io.StringIO(text)
        stream.name = name  # errors say 'in "articles/cst.yaml", line 3', not '<file>'
        CParser.__init__(self, stream)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        self._depth = 0
        self._sizes: dict[int, int] = {}  # id(node) -> its nodes, aliases expanded

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            named = self.anchors.get(event.anchor)
            if named is not None and id(named) not in self._sizes:
                raise _refused(f"the alias *{event.anchor} is inside the node it names", event)
            return super().compose_node(parent, index)
        if isinstance(event, ScalarEvent | CollectionStartEvent) and event.tag not in _PLAIN_TAGS:
            raise _refused(f"explicit tags such as {event.tag} are not allowed", event)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _refused(f"nested more than {MAX_DEPTH} levels deep", event)
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        assert node is not None  # None only for an empty document, never for one of its nodes
        self._sizes[id(node)] = size = 1 + sum(self._sizes[id(child)] for child in _children(node))
        if size > MAX_NODES:
            raise _refused(f"more than {MAX_NODES:,} values once its aliases are expanded", node)
        return node


def _refused(problem: str, where: Any) -> ConstructorError:
    return ConstructorError(None, None, problem, where.start_mark)


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _construct_mapping(loader: SafeConstructor, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise _refused(
                "a key must be a plain value, not a list or a mapping", key_node
            ) from None
        if key in mapping:
            raise _refused(f"duplicate key {key!r}", key_node)
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


def _checked(construct: Any) -> Any:
    """A scalar's constructor whose ValueError (a 13th month, an integer of more digits than
    Python converts) becomes a YAML error at the scalar's line."""

    def constructed(loader: SafeConstructor, node: yaml.ScalarNode) -> Any:
        try:
            return construct(loader, node)
        except ValueError as error:
            raise _refused(
                f"{str(node.value)[:40]!r} is not a valid value: {error}", node
            ) from None

    return constructed


# The stubs know PyYAML's own loaders only, not one composed of their parts.
_MAPPING = yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG
_StrictLoader.add_constructor(_MAPPING, _construct_mapping)  # type: ignore[type-var]
for _tag, _construct in (
    ("tag:yaml.org,2002:int", SafeConstructor.construct_yaml_int),
    ("tag:yaml.org,2002:float", SafeConstructor.construct_yaml_float),
    ("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_timestamp),
):
    _StrictLoader.add_constructor(_tag, _checked(_construct))


def read_yaml(path: Path, shown_as: str) -> Any:
    """Parse one YAML file; errors name the file (as ``shown_as``) and the line."""
    text = _bounded_text(path, shown_as)
    try:
        loader = _StrictLoader(text, shown_as)  # which refuses a control character at once
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        raise CharterError(shown_as, "", f"not valid YAML: {error}") from None


def _bounded_text(path: Path, shown_as: str) -> str:
    """The file's text, if it is a regular file of at most ``MAX_YAML_BYTES`` of UTF-8."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise CharterError(shown_as, "", "not a regular file (a device, a pipe, a folder)")
        if info.st_size > MAX_YAML_BYTES:
            raise CharterError(
                shown_as, "", f"{info.st_size:,} bytes, more than the {MAX_YAML_BYTES:,} allowed"
            )
        with path.open("rb") as stream:
            raw = stream.read(MAX_YAML_BYTES + 1)  # the file may have grown since
    except OSError as error:
        raise CharterError(shown_as, "", f"cannot be read: {error.strerror}") from None
    if len(raw) > MAX_YAML_BYTES:
        raise CharterError(shown_as, "", f"more than the {MAX_YAML_BYTES:,} bytes allowed")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CharterError(shown_as, "", f"not UTF-8 text: {error}") from None


Model = TypeVar("Model", bound=BaseModel)


def read_model(path: Path, model: type[Model], shown_as: str) -> Model:
    """Parse one YAML file into ``model``; an error names the file and the key at fault."""
    data = read_yaml(path, shown_as)
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        key = ".".join(_key_part(part) for part in first["loc"]) or "(top)"
        raise CharterError(shown_as, key, first["msg"]) from None


def _key_part(part: object) -> str:
    return part.isoformat() if isinstance(part, dt.date) else str(part)
