"""The world's currency names and codes (ISO 4217, from `pycountry`), as words that mark an
amount as not US dollars.

WHY: an amount in a currency the vocabulary does not list ("5000 kuwaiti dinars", "20000
lari", "8000 azn") was taken as that many dollars. The vocabulary keeps rough rates for the
common currencies; every other one is now at least known to be a currency, so the budget is
asked in dollars instead of stored. A code or name that is an everyday English word ("all",
"top", "real", "mark") is left out: next to a number it means something else far more often.
"""

from __future__ import annotations

from functools import cache

_EVERYDAY = 3.0
"""A word at least this common in English (wordfreq's Zipf scale) is not taken as a currency."""


_COMMON_X = frozenset({"xaf", "xof", "xcd", "xpf"})
"""The X-codes that are money people hold (CFA francs, East Caribbean dollar, CFP franc)."""


@cache
def currency_words() -> frozenset[str]:
    """Lower-case codes, full names and their last words with a plural ("kwd", "kuwaiti
    dinar", "dinars"); never "dollar" alone, which is the budget's own unit."""
    import pycountry
    import wordfreq

    def everyday(word: str) -> bool:
        return wordfreq.zipf_frequency(word, "en", wordlist="small") >= _EVERYDAY

    words: set[str] = set()
    for currency in pycountry.currencies:
        code = currency.alpha_3.lower()
        name = currency.name.lower()
        if (code[0] == "x" and code not in _COMMON_X) or len(name.split()) > 3:
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
    return frozenset(words)
