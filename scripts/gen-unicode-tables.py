#!/usr/bin/env python3
"""Writes Sources/ECMARegex/UnicodeTables.generated.swift: the Unicode data that ECMARegex's
property escapes (`\\p{…}`, `\\P{…}`) need and Swift's standard library does not give.

Swift's `Unicode.Scalar.Properties` gives the general category and most binary properties; it has
no Script, no Script_Extensions, no Emoji_Component, Extended_Pictographic or Regional_Indicator,
and no simple case folding. This script writes those as sorted ranges, from the Unicode data of
ICU (the library V8 and SpiderMonkey use for the same escapes), as bundled in the PyPI wheel
icu4py, whose libicuuc it calls through ctypes. Run by `make generate-unicode` (in .venv-generate);
not part of `make test`, and the output is committed.

The Unicode version must be the standard library's, so that a general category (from Swift) and a
script (from these tables) agree: Swift 6.3.1's stdlib has Unicode 17.0 (U+10940 SIDETIC LETTER N01,
new in 17.0, is an `otherLetter` there), and so has ICU 78. ECMARegexTests checks the two against
each other (every code point of script Unknown is unassigned, private use or a surrogate, and back).

What goes in:
- Script: every code point's value, as runs (`scriptStarts`, `scriptValues`). The values are
  the ones PropertyValueAliases.txt lists (ECMA-262 takes its names from there): the scripts some
  code point has, in Script or Script_Extensions, and Katakana_Or_Hiragana, the one listed value
  no code point has. ICU knows more script codes (ISO 15924's, such as Zsye or Jpan); those are
  left out, since ECMA-262 refuses them. Names: long, short, and the other aliases (Qaac, Qaai).
- Script_Extensions: runs of the code points whose set is not just their Script value, each
  with its set (`extensionSets`); value 0 is "the Script value alone".
- Emoji_Component, Extended_Pictographic, Regional_Indicator: ranges.
- Simple case folding (CaseFolding.txt's C and S mappings, ICU's u_foldCase with default
  options), as the cycle of each set of code points that fold to the same one: `caseOrbit*`
  runs give each such code point the next member of its set, so that walking from a code point
  visits every code point ECMA-262's Canonicalize (for /iu) makes equal to it.
"""
import argparse
import ctypes
import glob
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generated import ROOT, write_if_changed  # noqa: E402

OUT = os.path.join(ROOT, "Sources/ECMARegex/UnicodeTables.generated.swift")
# The Unicode version of Swift 6.3.1's standard library; ICU must have the same.
UNICODE_VERSION = (17, 0, 0)
ICU_PACKAGE = "icu4py==1.2.0"
MAX = 0x110000


class ICU:
    """The few ICU4C functions this needs, from the libicuuc bundled in icu4py's wheel."""

    def __init__(self):
        import icu4py  # noqa: F401  (the wheel; its libraries sit beside the package)
        libs = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(icu4py.__file__))), "icu4py.libs")
        found = sorted(glob.glob(os.path.join(libs, "libicuuc-*.so.*")))
        if not found:
            sys.exit(f"no libicuuc in {libs}: is {ICU_PACKAGE} installed?")
        self.path = found[0]
        # ICU renames its symbols by major version: u_foldCase_78.
        self.major = os.path.basename(self.path).split(".so.")[1].split(".")[0]
        self.version = os.path.basename(self.path).split(".so.")[1]
        self.lib = ctypes.CDLL(self.path)
        c = ctypes
        self._fn("u_getUnicodeVersion", None, [c.POINTER(c.c_uint8 * 4)])
        self._fn("u_getPropertyEnum", c.c_int, [c.c_char_p])
        self._fn("u_getPropertyValueName", c.c_char_p, [c.c_int, c.c_int32, c.c_int])
        self._fn("u_getIntPropertyMaxValue", c.c_int32, [c.c_int])
        self._fn("u_foldCase", c.c_int32, [c.c_int32, c.c_uint32])
        self._fn("uset_openEmpty", c.c_void_p, [])
        self._fn("uset_close", None, [c.c_void_p])
        self._fn("uset_applyIntPropertyValue", None, [c.c_void_p, c.c_int, c.c_int32, c.POINTER(c.c_int)])
        self._fn("uset_getItemCount", c.c_int32, [c.c_void_p])
        self._fn("uset_getItem", c.c_int32, [c.c_void_p, c.c_int32, c.POINTER(c.c_int32), c.POINTER(c.c_int32),
                                             c.c_void_p, c.c_int32, c.POINTER(c.c_int)])

    def _fn(self, name, restype, argtypes):
        function = getattr(self.lib, f"{name}_{self.major}")
        function.restype = restype
        function.argtypes = argtypes
        setattr(self, name, function)

    def unicode_version(self):
        version = (ctypes.c_uint8 * 4)()
        self.u_getUnicodeVersion(ctypes.byref(version))
        return tuple(version[:3])

    def prop(self, name):
        value = self.u_getPropertyEnum(name.encode())
        if value < 0:
            sys.exit(f"ICU has no property {name}")
        return value

    def ranges(self, prop, value=1):
        """The code points whose property `prop` has `value` (1: a binary property's true), as (first, last)."""
        uset = self.uset_openEmpty()
        error = ctypes.c_int(0)
        self.uset_applyIntPropertyValue(uset, prop, value, ctypes.byref(error))
        if error.value > 0:
            sys.exit(f"ICU error {error.value} for property {prop}={value}")
        first, last, out = ctypes.c_int32(), ctypes.c_int32(), []
        for i in range(self.uset_getItemCount(uset)):
            self.uset_getItem(uset, i, ctypes.byref(first), ctypes.byref(last), None, 0, ctypes.byref(error))
            out.append((first.value, last.value))
        self.uset_close(uset)
        return out

    def value_names(self, prop, value):
        """Short name, long name, then the other aliases (PropertyValueAliases.txt's order)."""
        names = []
        for choice in range(8):
            name = self.u_getPropertyValueName(prop, value, choice)
            if name is None:
                if choice >= 2:
                    break
                continue
            names.append(name.decode())
        return names


def runs(values):
    """(start, value) for each run of equal values in a list indexed by code point."""
    out = []
    for code_point, value in enumerate(values):
        if not out or out[-1][1] != value:
            out.append((code_point, value))
    return out


def orbit_runs(successor):
    """Runs (first, last, even delta, odd delta) of the code points with a successor: the one at
    first + k goes to itself + (k even ? even delta : odd delta). Most are one delta (A-Z: +32) or
    alternating pairs (U+0100 +1, U+0101 -1, ...)."""
    out = []
    for c in sorted(successor):
        delta = successor[c] - c
        if out:
            first, last, even, odd = out[-1]
            if c == last + 1:
                if c == first + 1 and odd is None:
                    out[-1] = (first, c, even, delta)
                    continue
                if delta == (even if (c - first) % 2 == 0 else odd):
                    out[-1] = (first, c, even, odd)
                    continue
        out.append((c, c, delta, None))
    return [(first, last, even, even if odd is None else odd) for first, last, even, odd in out]


def swift_array(type_name, items, per_line):
    lines = []
    for i in range(0, len(items), per_line):
        lines.append("        " + ", ".join(items[i:i + per_line]) + ",")
    return f"[{type_name}] = [\n" + "\n".join(lines) + "\n    ]"


def hex_(value):
    return f"0x{value:X}"


def main():
    argparse.ArgumentParser(description=__doc__.split("\n")[0]).parse_args()
    icu = ICU()
    if icu.unicode_version() != UNICODE_VERSION:
        sys.exit(f"ICU {icu.version} has Unicode {icu.unicode_version()}, not {UNICODE_VERSION}: "
                 "change UNICODE_VERSION (and ICU_PACKAGE) only with Swift's standard library")
    version = ".".join(map(str, UNICODE_VERSION))

    # Scripts: every code point's Script, and the Script_Extensions sets.
    sc, scx = icu.prop("Script"), icu.prop("Script_Extensions")
    script = [None] * MAX
    extensions = {}
    known = []
    for code in range(icu.u_getIntPropertyMaxValue(sc) + 1):
        names = icu.value_names(sc, code)
        if not names:
            continue
        own, extended = icu.ranges(sc, code), icu.ranges(scx, code)
        # A value of PropertyValueAliases.txt: some code point has it, or ICU has a long name for it
        # (ISO 15924 codes that ICU adds have their code as long name).
        if not own and not extended and names[1] == names[0]:
            continue
        known.append((code, names))
        for first, last in own:
            for c in range(first, last + 1):
                script[c] = code
        for first, last in extended:
            for c in range(first, last + 1):
                extensions.setdefault(c, set()).add(code)
    empty = [names[1] for code, names in known if not icu.ranges(sc, code) and not icu.ranges(scx, code)]
    if empty != ["Katakana_Or_Hiragana"]:
        sys.exit(f"scripts without code points: {empty} (expected only Katakana_Or_Hiragana)")
    if any(value is None for value in script):
        sys.exit("a code point without a Script value")
    # Dense indexes, by long name, with Unknown first (index 0).
    known.sort(key=lambda item: (item[1][1] != "Unknown", item[1][1]))
    index = {code: i for i, (code, _) in enumerate(known)}
    if len(known) > 255:
        sys.exit("more than 255 scripts: widen scriptValues")
    script_runs = runs([index[value] for value in script])

    sets = []
    set_index = {}
    extension_values = [0] * MAX
    for c, codes in extensions.items():
        members = tuple(sorted(index[code] for code in codes))
        if members == (index[script[c]],):
            continue
        if members not in set_index:
            sets.append(members)
            set_index[members] = len(sets)
        extension_values[c] = set_index[members]
    extension_runs = runs(extension_values)
    if len(sets) > 255:
        sys.exit("more than 255 Script_Extensions sets: widen extensionValues")

    def binary(name):
        return icu.ranges(icu.prop(name))

    emoji_component = binary("Emoji_Component")
    pictographic = binary("Extended_Pictographic")
    regional = binary("Regional_Indicator")

    # Simple case folding, as cycles over the code points that fold alike.
    folds = {}
    for c in range(MAX):
        if 0xD800 <= c <= 0xDFFF:
            continue
        folds.setdefault(icu.u_foldCase(c, 0), []).append(c)
    successor = {}
    for members in folds.values():
        if len(members) > 1:
            members.sort()
            for a, b in zip(members, members[1:] + members[:1]):
                successor[a] = b
    orbits = orbit_runs(successor)

    # Sanity checks against facts that do not change.
    assert known[index[script[0x03C0]]][1][1] == "Greek"
    assert known[index[script[0x4E00]]][1][1] == "Han"
    assert regional == [(0x1F1E6, 0x1F1FF)]

    names_lines = []
    for _, names in known:
        short, long_, aliases = names[0], names[1], names[2:]
        names_lines.append(f'        ("{long_}", "{short}", [{", ".join(chr(34) + a + chr(34) for a in aliases)}]),')
    flat_sets = []
    offsets = [0]
    for members in sets:
        flat_sets.extend(members)
        offsets.append(len(flat_sets))

    def flat_ranges(ranges):
        return swift_array("UInt32", [f"{hex_(a)}, {hex_(b)}" for a, b in ranges], 6)

    text = f"""// Generated by scripts/gen-unicode-tables.py (make generate-unicode). Do not edit.
// Input: the Unicode {version} data of ICU {icu.version}, the libicuuc bundled in the PyPI wheel
// {ICU_PACKAGE}, read through ctypes. Unicode {version} is the version of Swift 6.3.1's standard
// library, which gives ECMARegex the general categories and the other binary properties.

extension UnicodeTables {{
    /// The Unicode version of these tables.
    static let unicodeVersion = "{version}"

    /// The Script values of PropertyValueAliases.txt, by index: long name, short name, other aliases.
    static let scriptNames: [(long: String, short: String, aliases: [String])] = [
{chr(10).join(names_lines)}
    ]

    /// Script: `scriptValues[i]` (an index of `scriptNames`) from `scriptStarts[i]` up to the next start.
    static let scriptStarts: {swift_array("UInt32", [hex_(start) for start, _ in script_runs], 12)}
    static let scriptValues: {swift_array("UInt8", [str(value) for _, value in script_runs], 24)}

    /// Script_Extensions, where it is not the Script value alone: from `extensionStarts[i]` up to
    /// the next start, the set `extensionValues[i]` (0: the Script value alone; k: the scripts
    /// `extensionMembers[extensionOffsets[k - 1]..<extensionOffsets[k]]`).
    static let extensionStarts: {swift_array("UInt32", [hex_(start) for start, _ in extension_runs], 12)}
    static let extensionValues: {swift_array("UInt8", [str(value) for _, value in extension_runs], 24)}
    static let extensionOffsets: {swift_array("UInt16", [str(value) for value in offsets], 24)}
    static let extensionMembers: {swift_array("UInt8", [str(value) for value in flat_sets], 24)}

    /// Binary properties Swift's standard library lacks, as (first, last) pairs, in order.
    static let emojiComponent: {flat_ranges(emoji_component)}
    static let extendedPictographic: {flat_ranges(pictographic)}
    static let regionalIndicator: {flat_ranges(regional)}

    /// Simple case folding as cycles: the code point `caseOrbitFirst[i] + k`, up to
    /// `caseOrbitLast[i]`, is followed in its set of code points that fold alike by itself plus
    /// `caseOrbitEven[i]` (k even) or `caseOrbitOdd[i]` (k odd). Code points in no run fold alone.
    static let caseOrbitFirst: {swift_array("UInt32", [hex_(r[0]) for r in orbits], 12)}
    static let caseOrbitLast: {swift_array("UInt32", [hex_(r[1]) for r in orbits], 12)}
    static let caseOrbitEven: {swift_array("Int32", [str(r[2]) for r in orbits], 16)}
    static let caseOrbitOdd: {swift_array("Int32", [str(r[3]) for r in orbits], 16)}
}}
"""
    write_if_changed(OUT, text, f"wrote {os.path.relpath(OUT, ROOT)}: {len(known)} scripts, {len(script_runs)} script runs, "
                     f"{len(extension_runs)} extension runs ({len(sets)} sets), {len(orbits)} case-folding runs, "
                     f"{len(text) // 1024} KiB")


if __name__ == "__main__":
    main()
