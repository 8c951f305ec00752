"""Reading YAML strictly: a duplicated key is an error, never a silent overwrite."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from accord.kernel.errors import CharterError


class _StrictLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


_StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,
)


def read_yaml(path: Path, shown_as: str) -> Any:
    """Parse one YAML file; errors name the file (as ``shown_as``) and the line."""
    try:
        with path.open(encoding="utf-8") as stream:
            return yaml.load(stream, Loader=_StrictLoader)
    except yaml.YAMLError as error:
        raise CharterError(shown_as, "", f"not valid YAML: {error}") from None
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
