"""Shared by the generators: write a generated file only when its text changed."""
import json
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def write_if_changed(path, text, summary):
    """Writes `text` to `path` unless it already holds it; prints `summary` when it writes."""
    if os.path.exists(path):
        with open(path, encoding="utf-8") as handle:
            if handle.read() == text:
                return
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    print(summary)


def write_schema(name, schema, summary):
    """Writes schemas/NAME.json as every generator writes it; `{kib}` in `summary` is its size."""
    text = json.dumps(schema, indent=1, ensure_ascii=False) + "\n"
    write_if_changed(os.path.join(ROOT, "schemas", name + ".json"), text,
                     f"wrote schemas/{name}.json " + summary.replace("{kib}", str(len(text) // 1024)))


# Annotations for editors: every generated property gets a `title`, a one-line plain `description`
# and a `markdownDescription` (which editors such as VS Code show instead), both cut to a bound
# at a sentence end where one fits.
DESCRIPTION_LIMIT = 300
MARKDOWN_LIMIT = 700


def bounded(text, limit):
    """`text` cut to at most `limit` characters: whole sentences if the first one fits, else whole
    words and an ellipsis."""
    text = text.strip()
    if len(text) <= limit:
        return text
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z`*_\[(])", text)
    out = ""
    for sentence in sentences:
        candidate = (out + " " + sentence).strip()
        if len(candidate) > limit:
            break
        out = candidate
    if out:
        return out
    cut = text[:limit - 1]
    return cut[:cut.rfind(" ")].rstrip(",;:") + "…" if " " in cut else cut + "…"


def annotated(schema, title=None, description=None, markdown=None, examples=None):
    """`schema` with its annotations first (title, description, markdownDescription), then its own
    keywords, then `examples`; annotations already there are replaced."""
    out = {}
    description = description or schema.get("description")
    if title:
        out["title"] = title
    if description:
        out["description"] = description
    if markdown:
        out["markdownDescription"] = markdown
    for key, value in schema.items():
        if key not in out and not (key == "examples" and examples):
            out[key] = value
    if examples:
        out["examples"] = examples
    return out
