"""Timezones typed in words: "Chicago", "I'm in Chicago", "PST", "Pacific time", "UTC-8", "India".

WHY: the reminder setup only knew IANA names and offsets, so "Chicago" got "I don't know that
timezone" and "UTC-8" was read back as "(Etc/GMT+8)". Here a typed place is tried as a zone name
or offset, then an abbreviation or everyday name (content/vocabulary.yaml `zones`), then any city
of the timezone database, then the world's large cities and countries (content/places.tsv,
generated from GeoNames by bench/make_places.py). A country with several zones is asked about.
Offsets read back as "UTC−08:00", never as the inverted Etc/GMT name.
"""

from __future__ import annotations

import re
import unicodedata
import zoneinfo
from dataclasses import dataclass
from functools import cache

from flows.content import CONTENT_DIR
from flows.numbers import words_of
from flows.reading.vocabulary import Vocabulary
from flows.schedule import parse_timezone

_ETC = re.compile(r"^Etc/GMT([+-])(\d{1,2})$")
_MINUTES = re.compile(r"^(?:utc|gmt)?\s*([+-])\s*(\d{1,2}):?(\d{2})$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ZoneReading:
    zone: str | None = None
    options: tuple[str, ...] = ()
    """A place with several zones (a country): the zones to ask about, biggest first."""


@cache
def _tz_cities() -> dict[str, str]:
    """Every city of the timezone database by its plain name ("buenos aires")."""
    out: dict[str, str] = {}
    # The most specific name first ("America/Argentina/Buenos_Aires" before the old alias).
    for zone in sorted(zoneinfo.available_timezones(), key=lambda z: (-z.count("/"), z)):
        if "/" in zone and not zone.startswith(("Etc/", "SystemV/", "US/")):
            out.setdefault(words_of(zone.rsplit("/", 1)[1].replace("_", " ")), zone)
    return out


def country_names() -> frozenset[str]:
    """The countries of content/places.tsv (the visa question compares them)."""
    return frozenset(_places()[1])


@cache
def _places() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """(city → zone, country → zones) from content/places.tsv, read once."""
    cities: dict[str, str] = {}
    countries: dict[str, list[str]] = {}
    with (CONTENT_DIR / "places.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            name, zone, _, kind = line.rstrip("\n").split("\t")
            if kind == "city":
                cities.setdefault(name, zone)
            else:
                countries.setdefault(name, []).append(zone)
    return cities, {k: tuple(v) for k, v in countries.items()}


class Zones:
    def __init__(self, vocabulary: Vocabulary) -> None:
        z = vocabulary.zones
        self.names = {words_of(k): v for k, v in z.names.items()}
        self.aliases = {words_of(k): words_of(v) for k, v in z.aliases.items()}
        self.half_hours = z.half_hours
        self.fillers = sorted((words_of(f) for f in z.fillers), key=len, reverse=True)
        self.max_options = z.max_options

    def read(self, text: str) -> ZoneReading:
        """The zone a person typed, the zones to choose from, or nothing understood."""
        text = _ascii(text)
        if words_of(text) in self.names:  # "EST" means New York's time, not the fixed EST zone
            return ZoneReading(self.names[words_of(text)])
        exact = parse_timezone(text)
        if exact is not None:
            return ZoneReading(exact)
        minutes = _MINUTES.match(text.strip())
        if minutes:
            key = f"{minutes.group(1)}{int(minutes.group(2)):02d}:{minutes.group(3)}"
            return ZoneReading(self.half_hours.get(key))
        for part in [text, *text.split(",")]:
            found = self._place(part)
            if found.zone or found.options:
                return found
        return ZoneReading()

    def _place(self, text: str) -> ZoneReading:
        name = f" {words_of(text)} "
        offset = parse_timezone(re.sub(r"(?i)\b(time|timezone|zone)\b", "", text).strip())
        if offset is not None:
            return ZoneReading(offset)
        for filler in self.fillers:
            name = name.replace(f" {filler} ", " ")
        name = name.strip()
        if not name:
            return ZoneReading()
        name = self.aliases.get(name, name)
        if name in self.names:
            return ZoneReading(self.names[name])
        cities, countries = _places()
        zone = _tz_cities().get(name) or cities.get(name)
        if zone:
            return ZoneReading(zone)
        zones = countries.get(name, ())
        if len(zones) == 1:
            return ZoneReading(zones[0])
        return ZoneReading(options=zones[: self.max_options])


def _ascii(text: str) -> str:
    """ "São Paulo" → "Sao Paulo": place names are stored without accents."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def zone_label(zone: str) -> str:
    """How a zone reads back: "UTC−08:00" for an offset (Etc/GMT+8 is UTC−8), else its name."""
    match = _ETC.match(zone)
    if match is None:
        return zone
    sign = "−" if match.group(1) == "+" else "+"
    return f"UTC{sign}{int(match.group(2)):02d}:00"


def city_names() -> frozenset[str]:
    """The large cities of content/places.tsv (a figure asked for one place names none the
    articles give)."""
    return frozenset(_places()[0])
