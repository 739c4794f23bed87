#!/usr/bin/env python3
"""Derives assets/lexicon/cameo.toml (verbs by CAMEO event class) from the CAMEO verb
dictionary of the PETRARCH-2 event coder (Open Event Data Alliance, MIT licence).

usage: python3 scripts/cameo-classes.py ../shared/reference/CAMEO.2.0.verbs.txt > assets/lexicon/cameo.toml

A verb line takes its own code, else its block's code; a block coded [---] takes the code
most of its patterns carry when at least half of them carry it. Only one-word verbs of the
stance families are kept; irregular forms given in braces are kept with their verb.
"""
import collections, re, sys

FAMILIES = {
    "02": ("appeal", "appeal, request, suggest, propose"),
    "03": ("intend", "express intent to cooperate: offer, pledge, promise, plan"),
    "05": ("cooperate", "agree, endorse, praise, apologise"),
    "08": ("yield", "yield, concede, allow, approve, withdraw"),
    "10": ("demand", "demand, insist, press, order"),
    "11": ("disapprove", "criticise, accuse, complain, oppose, dispute"),
    "12": ("reject", "reject, refuse, decline, resist, deny"),
    "13": ("threaten", "threaten, warn, vow"),
    "14": ("protest", "protest, demonstrate, strike"),
    "16": ("reduce", "reduce relations: boycott, suspend, rescind"),
    "17": ("coerce", "coerce: ban, block, bar, prohibit, veto"),
}

def main(path):
    blocks, cur = [], None
    for raw in open(path, encoding="latin-1"):
        line = raw.split("#")[0].rstrip()
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", line)
        if m:
            cur = {"code": m.group(2).split(":")[0], "verbs": [], "pats": collections.Counter()}
            blocks.append(cur)
            continue
        if cur is None or not line.strip() or line.startswith("&"):
            continue
        if line.startswith("-"):
            m = re.search(r"\[([0-9]+)", line)
            if m:
                cur["pats"][m.group(1)[:2]] += 1
            continue
        m = re.match(r"^\+?([A-Z][A-Z_'-]*)\s*(\{[^}]*\})?\s*(\[([^\]]*)\])?", line.strip())
        if m:
            forms = m.group(2)[1:-1].split() if m.group(2) else []
            cur["verbs"].append((m.group(1).strip("_").lower(), (m.group(4) or "").split(":")[0], forms))
    classes = collections.defaultdict(dict)
    for b in blocks:
        default = b["code"][:2] if b["code"] not in ("---", "") else None
        if default is None and b["pats"]:
            code, n = b["pats"].most_common(1)[0]
            if n * 2 >= sum(b["pats"].values()):
                default = code
        for verb, own, forms in b["verbs"]:
            code = own[:2] if own and own != "---" else default
            if code in FAMILIES and re.fullmatch(r"[a-z]+", verb):
                irregular = sorted({f.strip("_").lower() for f in forms if re.fullmatch(r"[A-Z_]+", f)} - {verb})
                classes[code][verb] = irregular
    print("# Verbs by CAMEO event class, derived by scripts/cameo-classes.py from the CAMEO verb")
    print("# dictionary of the PETRARCH-2 event coder (CAMEO.2.0.verbs.txt, 30 April 2015).")
    print("# Copyright (c) 2015 Open Event Data Alliance. MIT licence:")
    print("#")
    for line in MIT.strip().splitlines():
        print("# " + line if line else "#")
    print("#")
    print("# Each class lists verbs as `lemma` or `lemma|irregular|forms`; the regular forms")
    print("# (-s, -ed, -ing) are generated when the list is read.")
    for code in sorted(classes):
        name, what = FAMILIES[code]
        print(f"\n# CAMEO {code}: {what}.")
        words = [v + "".join("|" + f for f in classes[code][v]) for v in sorted(classes[code])]
        print(f"{name} = [")
        line = " "
        for w in words:
            item = f' "{w}",'
            if len(line) + len(item) > 90:
                print(line)
                line = " "
            line += item
        print(line)
        print("]")

MIT = """
Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
the Software, and to permit persons to whom the Software is furnished to do so,
subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""

if __name__ == "__main__":
    main(sys.argv[1])
