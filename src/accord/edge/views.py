"""Response models derived from a model's dataclass, so that a field, its type and its
description are written once, on the model, for the records the API shows as they are kept.

``view_of(Unit)`` turns a class into the API's view of a ``Unit``: every field of the
dataclass, in its order, with its type and the ``#:`` comment above it as its description, read
from a dict or from the record's attributes. A field the class declares itself is the view's
(where the API shows it otherwise than it is kept: a nested record as plain JSON, an enum as
its value, an example; or a value computed for the reader); ``exclude`` names the fields the
API does not show.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Callable, Sequence
from typing import Any, TypeVar, cast, get_type_hints

from pydantic import BaseModel, Field, create_model

from accord.edge.schemas import dataclass_doc, field_docs

V = TypeVar("V", bound=BaseModel)


def view_of(model: type[Any], exclude: Sequence[str] = ()) -> Callable[[type[V]], type[V]]:
    """A class decorator: the class, with every field of the dataclass ``model`` but
    ``exclude`` added (none has a default: a record always has all its fields)."""

    def derive(declared: type[V]) -> type[V]:
        if methods := [name for name in vars(declared) if not name.startswith(("_", "model_"))]:
            # The view is built anew from the fields: anything else would be silently dropped.
            raise TypeError(f"a view declares fields only, not {', '.join(methods)}")
        hints = get_type_hints(model, include_extras=True)
        docs = field_docs(model)
        own: dict[str, Any] = {
            name: (declared.model_fields[name].annotation, declared.model_fields[name])
            for name in inspect.get_annotations(declared)
            if name in declared.model_fields
        }
        inherited = declared.model_fields.keys() - own.keys()
        # The model's order, the class's own fields in their place, those it adds after them.
        fields: dict[str, Any] = {}
        for f in dataclasses.fields(model):
            if f.name not in exclude and f.name not in inherited:
                fields[f.name] = own.pop(f.name, None) or (
                    hints[f.name],
                    Field(description=docs.get(f.name)),
                )
        bases: tuple[type[BaseModel], ...] = declared.__bases__
        view = create_model(
            declared.__name__,
            __base__=bases,
            __module__=declared.__module__,
            __qualname__=declared.__qualname__,
            __doc__=declared.__doc__ or dataclass_doc(model),
            **fields,
            **own,
        )
        view.model_config.update(declared.model_config)
        view.model_config["from_attributes"] = True
        view.model_rebuild(force=True)
        return cast(type[V], view)

    return derive
