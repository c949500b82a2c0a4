"""Where the bot's time goes: summarise py-spy's collapsed stacks (``--format raw``).

    python -m bench.telegram_process_bench --users 200 --only bot --profile /tmp/bot.txt
    python -m bench.profile_summary /tmp/bot.txt

Prints the functions with the most samples on the stack (inclusive) and at the top (self), and
the same grouped by library, as shares of all samples.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

FRAME = re.compile(r"^(?P<func>.*?) \((?P<file>[^()]*?)(?::\d+)?\)$")


def _library(path: str) -> str:
    if "site-packages/" in path:
        return path.split("site-packages/", 1)[1].split("/", 1)[0]
    if "/lib/python3" in path:
        return "stdlib:" + path.rsplit("/", 1)[-1]
    return path.rsplit("/", 2)[-2] + "/" + path.rsplit("/", 1)[-1] if "/" in path else path


def summarise(text: str, top: int = 25) -> str:
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    libraries: Counter[str] = Counter()
    total = 0
    for line in text.splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        total += count
        frames = stack.split(";")
        names = []
        for frame in frames:
            match = FRAME.match(frame)
            file = match["file"] if match else frame
            names.append(f"{match['func'] if match else frame} ({_library(file)})")
        for name in set(names):
            inclusive[name] += count
        own[names[-1]] += count
        leaf = FRAME.match(frames[-1])
        libraries[_library(leaf["file"]) if leaf else frames[-1]] += count
    out = [f"{total} samples"]
    for title, counter in (("inclusive", inclusive), ("self", own), ("self by file", libraries)):
        out.append(f"\n{title}:")
        out += [f"  {n / total:6.1%}  {name}" for name, n in counter.most_common(top)]
    return "\n".join(out)


if __name__ == "__main__":
    print(summarise(Path(sys.argv[1]).read_text()))
