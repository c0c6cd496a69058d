"""The package's JSON Schemas in the OpenAPI document, so ``/openapi.json`` describes whole objects exactly.

``claimledger.document/1`` and ``claimledger.ledger/1`` are defined once, in
``src/claimledger/schema/*.schema.json``. Their definitions are copied into the OpenAPI components
(OpenAPI 3.1 schemas are JSON Schema 2020-12) with their ``#/$defs/…`` references rewritten, and the
endpoints that return a document, a story or a claim point at them — so clients and schemathesis
check responses against the contract itself, not a pydantic copy that could drift from it.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

DOCUMENT = "Document1"  # a claimledger.document/1 object
STORY = "Ledger1Story"  # one story of claimledger.ledger/1
CLAIM = "Ledger1Claim"  # one claim of a claimledger.ledger/1 story


def ref(component: str) -> dict[str, str]:
    """A reference to one of the components below."""
    return {"$ref": f"#/components/schemas/{component}"}


def json_response(component: str, description: str) -> dict[int | str, dict[str, Any]]:
    """A ``responses`` entry: 200 with a JSON body of ``component``."""
    return {200: {"description": description, "content": {"application/json": {"schema": ref(component)}}}}


def contract_components() -> dict[str, dict[str, Any]]:
    """Every definition of the two schemas, as OpenAPI components (``Document1``, ``Ledger1Story``, …)."""
    document = _schema("document-1", "Document1")
    ledger = _schema("ledger-1", "Ledger1")
    components = {DOCUMENT: _without_defs(document)}
    for prefix, schema in (("Document1", document), ("Ledger1", ledger)):
        components.update({prefix + _camel(name): body for name, body in schema.get("$defs", {}).items()})
    return components


def install(app: FastAPI) -> None:
    """Make ``app.openapi()`` include the contract components."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, summary=app.summary, routes=app.routes)
            schema.setdefault("components", {}).setdefault("schemas", {}).update(contract_components())
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi


def _schema(name: str, prefix: str) -> dict[str, Any]:
    """A packaged schema with its ``#/$defs/x`` references pointing at the components ``<prefix>X``."""
    text = resources.files("claimledger").joinpath(f"schema/{name}.schema.json").read_text(encoding="utf-8")
    return _rewrite(json.loads(text), prefix)


def _rewrite(node: Any, prefix: str) -> Any:
    if isinstance(node, dict):
        return {key: (f"#/components/schemas/{prefix}{_camel(value.removeprefix('#/$defs/'))}"
                      if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/")
                      else _rewrite(value, prefix))
                for key, value in node.items() if key not in {"$schema", "$id"}}
    if isinstance(node, list):
        return [_rewrite(item, prefix) for item in node]
    return node


def _without_defs(schema: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in schema.items() if key != "$defs"}


def _camel(name: str) -> str:
    """"nullableString" -> "NullableString"."""
    return name[:1].upper() + name[1:]
