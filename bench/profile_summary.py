"""Where the bot's time goes: summarise py-spy's collapsed stacks (``--format raw``).

    python -m bench.telegram_process_bench --users 200 --only bot --profile /tmp/bot.txt
    python -m bench.profile_summary /tmp/bot.txt

Prints the functions with the most samples on the stack (inclusive) and at the top (self), and
the same grouped by library, as shares of all samples. Against a base checkout:

    python -m bench.telegram_process_bench --users 200 --base base-round3 --profile /tmp/p.txt
    python -m bench.profile_summary /tmp/p-now.txt --against /tmp/p-base.txt --updates 2800 2600

prints each function's milliseconds of CPU per update in both and their difference (the update
counts are on the bench's "measured" lines).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

FRAME = re.compile(r"^(?P<func>.*?) \((?P<file>[^()]*?)(?::\d+)?\)$")


def _library(path: str) -> str:
    if "site-packages/" in path:
        return path.split("site-packages/", 1)[1].split("/", 1)[0]
    if "/lib/python3" in path:
        return "stdlib:" + path.rsplit("/", 1)[-1]
    return path.rsplit("/", 2)[-2] + "/" + path.rsplit("/", 1)[-1] if "/" in path else path


Counts = tuple[Counter[str], Counter[str], Counter[str], int]
"""Samples per function on the stack (inclusive), at its top (self), at the top by library; all."""
RATE = 250
"""Samples per second telegram_process_bench records at: one sample is 4 ms of the bot's CPU."""


def count(text: str) -> Counts:
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
    return inclusive, own, libraries, total


TITLES = ("inclusive", "self", "self by file")


def summarise(text: str, top: int = 25) -> str:
    *counters, total = count(text)
    out = [f"{total} samples"]
    for title, counter in zip(TITLES, counters, strict=True):
        out.append(f"\n{title}:")
        out += [f"  {n / total:6.1%}  {name}" for name, n in counter.most_common(top)]
    return "\n".join(out)


def compare(now: str, now_updates: int, base: str, base_updates: int, top: int = 25) -> str:
    """Two profiles of the same load (`telegram_process_bench --base REF --profile PATH`) as
    milliseconds of CPU per update, function by function, largest differences first: where a
    change added or saved time, whatever the two runs' lengths."""
    *a, total_a = count(now)
    *b, total_b = count(base)

    def ms(samples: int, updates: int) -> float:
        return samples * 1000 / RATE / updates

    out = [f"ms per update, now / base: {ms(total_a, now_updates):.3f} / "]
    out[0] += f"{ms(total_b, base_updates):.3f}"
    for title, mine, theirs in zip(TITLES, a, b, strict=True):
        out.append(f"\n{title} (now, base, difference):")
        diff = {k: ms(mine[k], now_updates) - ms(theirs[k], base_updates) for k in mine | theirs}
        for name in sorted(diff, key=lambda k: -abs(diff[k]))[:top]:
            now_ms, base_ms = ms(mine[name], now_updates), ms(theirs[name], base_updates)
            out.append(f"  {now_ms:6.3f} {base_ms:6.3f} {diff[name]:+6.3f}  {name}")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description="summarise or compare py-spy raw profiles")
    parser.add_argument("profile", type=Path)
    parser.add_argument("--against", type=Path, help="the base's profile of the same load")
    parser.add_argument(
        "--updates", type=int, nargs=2, metavar=("NOW", "BASE"), help="updates each run measured"
    )
    args = parser.parse_args()
    if args.against is None:
        print(summarise(args.profile.read_text()))
        return
    if args.updates is None:
        parser.error("--against needs --updates NOW BASE (the runs' update counts)")
    now, base = args.profile.read_text(), args.against.read_text()
    print(compare(now, args.updates[0], base, args.updates[1]))


if __name__ == "__main__":
    main()
