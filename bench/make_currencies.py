"""Write content/currencies.txt: the world's currency names and codes, as words that mark an
amount as not US dollars (read by flows/reading/world_currencies.py).

    python bench/make_currencies.py        (needs the dev extra: pycountry)

WHY a generated file: pycountry's tables and wordfreq's English list cost about 150 ms and
24 MB in every process that builds them; the reading needs only the words. A code or name that
is an everyday English word ("all", "top", "real", "won") is left out: next to a number it means
something else far more often. Data: ISO 4217, through pycountry.
"""

from __future__ import annotations

from pathlib import Path

import pycountry
import wordfreq

OUT = Path(__file__).resolve().parent.parent / "content" / "currencies.txt"
EVERYDAY = 3.0
"""A word at least this common in English (wordfreq's Zipf scale) is not taken as a currency."""
COMMON_X = frozenset({"xaf", "xof", "xcd", "xpf"})
"""The X-codes that are money people hold (CFA francs, East Caribbean dollar, CFP franc)."""


def everyday(word: str) -> bool:
    return wordfreq.zipf_frequency(word, "en", wordlist="small") >= EVERYDAY


def currency_words() -> set[str]:
    """Lower-case codes, full names and their last words with a plural ("kwd", "kuwaiti
    dinar", "dinars"); never "dollar" alone, which is the budget's own unit."""
    words: set[str] = set()
    for currency in pycountry.currencies:
        code = currency.alpha_3.lower()
        name = currency.name.lower()
        if (code[0] == "x" and code not in COMMON_X) or len(name.split()) > 3:
            continue  # metals, funds and test codes ("gold", "codes … for testing purposes")
        if code.isalpha() and not everyday(code):
            words.add(code)
        if " " not in name and everyday(name):
            continue  # "won" is mostly a verb
        if "dollar" in name.split() or not name.replace(" ", "").isalpha():
            if "dollar" in name.split() and len(name.split()) > 1:
                words.add(name)  # "jamaican dollar": the country makes it another currency
            continue
        words.add(name)
        last = name.split()[-1]
        for word in (last, f"{last}s"):
            if not everyday(word):
                words.add(word)
    return words


def main() -> None:
    head = (
        "# Currency names and codes (ISO 4217 via pycountry); written by bench/make_currencies.py\n"
    )
    OUT.write_text(head + "".join(f"{w}\n" for w in sorted(currency_words())), encoding="utf-8")
    print(f"wrote {OUT} ({len(currency_words())} words)")


if __name__ == "__main__":
    main()
