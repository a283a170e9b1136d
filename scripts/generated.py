"""Shared by the generators: write a generated file only when its text changed."""
import json
import os

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
