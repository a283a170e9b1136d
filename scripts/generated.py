"""Shared by the schema generators: write a generated file only when its text changed."""
import os


def write_if_changed(path, text, summary):
    """Writes `text` to `path` unless it already holds it; prints `summary` when it writes."""
    if os.path.exists(path) and open(path, encoding="utf-8").read() == text:
        return
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    print(summary)
