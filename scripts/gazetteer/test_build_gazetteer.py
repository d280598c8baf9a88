#!/usr/bin/env python3
"""Offline tests of build_gazetteer.py on the fake sources in testdata/ (no npm, no network).

Run: python3 scripts/gazetteer/test_build_gazetteer.py  (or python3 -m unittest from this folder)
"""

import contextlib
import importlib.util
import io
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.dont_write_bytecode = True  # keep the source tree clean when CI runs this
HERE = os.path.dirname(os.path.abspath(__file__))
TESTDATA = os.path.join(HERE, "testdata")
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
COMMITTED_TSV = os.path.join(REPO, "data", "gazetteer")
COMMITTED_TTL = os.path.join(REPO, "data", "external", "geonames.ttl")

_spec = importlib.util.spec_from_file_location("build_gazetteer",
                                               os.path.join(HERE, "build_gazetteer.py"))
bg = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bg)


def run_generator(out_dir, *extra):
    args = ["--npm-dir", os.path.join(TESTDATA, "npm"),
            "--iso-codes-dir", os.path.join(TESTDATA, "iso-codes"),
            "--words", os.path.join(TESTDATA, "words"),
            "--out-dir", out_dir, "--rdf-out", os.path.join(out_dir, "geonames.ttl"),
            "--quiet"] + list(extra)
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        status = bg.main(args)
    return status, stderr.getvalue()


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        text = handle.read()
    lines = text.split("\n")
    assert lines[-1] == "", "file must end with a newline"
    header = lines[0].split("\t")
    rows = [dict(zip(header, line.split("\t"))) for line in lines[1:-1]]
    return header, rows, text


class GeneratorTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="gazetteer-test-")
        cls.out = os.path.join(cls.tmp, "compact")
        status, _ = run_generator(cls.out)
        assert status == 0
        cls.countries = read_tsv(os.path.join(cls.out, "countries.tsv"))
        cls.regions = read_tsv(os.path.join(cls.out, "regions.tsv"))
        cls.cities = read_tsv(os.path.join(cls.out, "cities.tsv"))
        with open(os.path.join(cls.out, "geonames.ttl"), encoding="utf-8") as handle:
            cls.turtle = handle.read()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def city(self, name):
        return next(r for r in self.cities[1] if r["name"] == name)

    # -- formats -------------------------------------------------------------------------------

    def test_headers(self):
        self.assertEqual(self.countries[0], bg.COUNTRY_COLUMNS)
        self.assertEqual(self.regions[0], bg.REGION_COLUMNS)
        self.assertEqual(self.cities[0], bg.CITY_COLUMNS)
        self.assertEqual(bg.COUNTRY_COLUMNS, [
            "geonames_id", "iso2", "iso3", "name", "aliases", "demonyms", "capital_geonames_id",
            "lat", "long", "population"])
        self.assertEqual(bg.CITY_COLUMNS[:9], [
            "geonames_id", "name", "aliases", "country_iso2", "admin1_code", "feature_code",
            "lat", "long", "population"])

    def test_every_row_has_every_field_and_no_separator_inside_values(self):
        for header, rows, text in (self.countries, self.regions, self.cities):
            for line in text.split("\n")[1:-1]:
                self.assertEqual(len(line.split("\t")), len(header), line)
            for row in rows:
                for column in ("name", "code", "type", "iso2", "country_iso2"):
                    self.assertNotIn("|", row.get(column, ""))
                for column in ("aliases", "demonyms"):
                    if column in row:
                        self.assertNotIn("", row[column].split("|") if row[column] else [])

    def test_numbers(self):
        reading = self.city("Reading")
        self.assertEqual(reading["lat"], "11.0")      # "11" in the source: always a decimal
        self.assertEqual(reading["long"], "-21.125")
        self.assertEqual(reading["population"], "200000")
        freedonia = self.countries[1][0]
        self.assertEqual((freedonia["lat"], freedonia["long"]), ("10.0", "-20.5"))

    # -- content -------------------------------------------------------------------------------

    def test_compact_selection(self):
        names = [r["name"] for r in self.cities[1]]
        self.assertIn("Capitol City", names)   # capital below the population threshold
        self.assertNotIn("Smalltown", names)   # small ordinary place
        self.assertIn("Seatville", names)     # second-level seat with unknown population (0)
        self.assertIn("Midtown", names)       # 12000 >= 10000, the default TSV threshold
        self.assertEqual(names, ["Capitol City", "Reading", "Nice", 'Fort "Liberty"', "Sylvan",
                                 "Seatville", "Midtown"])
        self.assertNotIn('"Midtown"', self.turtle)  # below the RDF threshold (15000)
        self.assertIn('"Seatville"', self.turtle)

    def test_full_keeps_everything(self):
        out = os.path.join(self.tmp, "full")
        status, _ = run_generator(out, "--full")
        self.assertEqual(status, 0)
        names = [r["name"] for r in read_tsv(os.path.join(out, "cities.tsv"))[1]]
        self.assertIn("Smalltown", names)

    def test_city_aliases_are_latin_cleaned_and_sorted(self):
        capitol = self.city("Capitol City")
        # Dropped: IATA-like code CAP, lower-case transliteration, Cyrillic, "X - y" glue, a '|'.
        self.assertEqual(capitol["aliases"], "Capitolia|Kapitól")
        # Dropped: "Police" is a common English word.
        self.assertEqual(self.city("Nice")["aliases"], "Nizza")

    def test_ambiguous_flag(self):
        self.assertEqual(self.city("Reading")["ambiguous"], "1")
        self.assertEqual(self.city("Nice")["ambiguous"], "1")
        self.assertEqual(self.city("Capitol City")["ambiguous"], "0")
        self.assertEqual(self.city('Fort "Liberty"')["ambiguous"], "0")
        east = next(r for r in self.regions[1] if r["name"] == "East")
        self.assertEqual(east["ambiguous"], "1")

    def test_countries(self):
        rows = {r["iso2"]: r for r in self.countries[1]}
        freedonia = rows["XF"]
        self.assertEqual(freedonia["geonames_id"], "900000")
        self.assertEqual(freedonia["iso3"], "XFD")
        self.assertEqual(freedonia["capital_geonames_id"], "900010")
        self.assertEqual(freedonia["demonyms"], "Freedonian")
        self.assertEqual(freedonia["population"], "1234567")
        aliases = freedonia["aliases"].split("|")
        self.assertIn("Republic of Freedonia", aliases)
        self.assertIn("RF", aliases)          # kept: countries keep short forms (UAE, DRC)
        self.assertNotIn("XF", aliases)       # the ISO code itself is not an alias
        self.assertEqual(aliases, sorted(aliases, key=lambda a: (a.casefold(), a)))
        sylvania = rows["XS"]
        self.assertEqual(sylvania["geonames_id"], "")          # no packaged GeoNames id
        self.assertEqual(sylvania["aliases"], "Grand Duchy of Sylvania")  # ISO "X, Y" inverted

    def test_regions(self):
        rows = {r["code"]: r for r in self.regions[1]}
        north = rows["XF-N"]
        self.assertEqual((north["geonames_id"], north["name"], north["type"], north["admin1_code"]),
                         ("900001", "Northshire", "Province", "01"))
        self.assertEqual(north["aliases"], "Northshīre")
        self.assertEqual(rows["XF-E"]["geonames_id"], "")
        self.assertEqual(rows["XF-E"]["admin1_code"], "02")
        self.assertEqual(rows["XF-S"]["name"], "Free State of Southland")
        self.assertNotIn("XF-N1", rows)       # second-level subdivision

    # -- RDF -----------------------------------------------------------------------------------

    def test_turtle_content(self):
        ttl = self.turtle
        self.assertIn("@base <https://sws.geonames.org/> .", ttl)
        self.assertIn("@prefix gn: <http://www.geonames.org/ontology#> .", ttl)
        self.assertIn('gn:name "Fort \\"Liberty\\""', ttl)
        self.assertIn("gn:featureCode gn:P.PPLC", ttl)
        self.assertIn("gn:featureCode gn:A.ADM1", ttl)
        self.assertIn("gn:featureCode gn:A.PCLI", ttl)
        self.assertIn("gn:parentADM1 <900001/>", ttl)
        self.assertIn("gn:parentCountry <900000/>", ttl)
        self.assertNotIn("gn:P. ", ttl)         # empty feature code: no featureCode triple
        self.assertNotIn('"Sylvania"', ttl)     # no GeoNames id: not in the RDF

    @unittest.skipUnless(shutil.which("serdi"), "serdi not installed (apt-get install serdi)")
    def test_turtle_parses(self):
        result = subprocess.run(["serdi", "-i", "turtle", "-o", "ntriples",
                                 os.path.join(self.out, "geonames.ttl")],
                                capture_output=True, text=True, check=False)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("<https://sws.geonames.org/900010/> <http://www.geonames.org/ontology#"
                      "featureCode> <http://www.geonames.org/ontology#P.PPLC> .", result.stdout)

    def test_turtle_string_escaping(self):
        self.assertEqual(bg.turtle_string('a"b\\c\nd\te'), '"a\\"b\\\\c\\nd\\te"')

    # -- determinism and errors ----------------------------------------------------------------

    def test_deterministic(self):
        out = os.path.join(self.tmp, "again")
        run_generator(out)
        for name in ("countries.tsv", "regions.tsv", "cities.tsv", "sources.tsv", "geonames.ttl"):
            with open(os.path.join(self.out, name), "rb") as a, \
                    open(os.path.join(out, name), "rb") as b:
                self.assertEqual(a.read(), b.read(), name)

    def test_missing_source_is_a_clear_error(self):
        empty = os.path.join(self.tmp, "empty")
        os.makedirs(empty, exist_ok=True)
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr):
            status = bg.main(["--npm-dir", empty, "--out-dir", os.path.join(self.tmp, "x"),
                              "--rdf-out", os.path.join(self.tmp, "x.ttl")])
        self.assertEqual(status, 1)
        self.assertIn("missing source file", stderr.getvalue())

    def test_helpers(self):
        self.assertTrue(bg.is_latin("Kapitól"))
        self.assertFalse(bg.is_latin("Капитол"))
        self.assertFalse(bg.is_latin("123"))
        self.assertEqual(bg.fold_ascii("Balochistān"), "Balochistan")
        self.assertEqual(bg.format_decimal("30"), "30.0")
        self.assertEqual(bg.format_decimal(-0.0), "0.0")
        self.assertEqual(bg.invert_iso_name("Madrid, Comunidad de")[0], "Comunidad de Madrid")
        self.assertEqual(bg.invert_iso_name("Wales [Cymru GB-CYM]"), ("Wales", ["Cymru"]))


class CommittedExtractTest(unittest.TestCase):
    """Checks of the committed data/gazetteer/*.tsv and data/external/geonames.ttl."""

    def test_tsv_files(self):
        expected = {"countries.tsv": bg.COUNTRY_COLUMNS, "regions.tsv": bg.REGION_COLUMNS,
                    "cities.tsv": bg.CITY_COLUMNS}
        for name, columns in expected.items():
            header, rows, text = read_tsv(os.path.join(COMMITTED_TSV, name))
            self.assertEqual(header, columns, name)
            for line in text.split("\n")[1:-1]:
                self.assertEqual(line.count("\t"), len(columns) - 1, line)
            self.assertGreater(len(rows), 200, name)
        cities = read_tsv(os.path.join(COMMITTED_TSV, "cities.tsv"))[1]
        self.assertTrue(all(r["geonames_id"].isdigit() for r in cities))
        by_id = {r["geonames_id"]: r for r in cities}
        self.assertEqual(by_id["1176615"]["name"], "Islamabad")
        self.assertEqual(by_id["1176615"]["feature_code"], "PPLC")
        countries = {r["iso2"]: r for r in read_tsv(os.path.join(COMMITTED_TSV, "countries.tsv"))[1]}
        self.assertEqual(countries["PK"]["geonames_id"], "1168579")
        self.assertEqual(countries["PK"]["capital_geonames_id"], "1176615")
        for row in countries.values():   # every capital is in the extract
            if row["capital_geonames_id"]:
                self.assertIn(row["capital_geonames_id"], by_id, row["iso2"])

    @unittest.skipUnless(shutil.which("serdi"), "serdi not installed (apt-get install serdi)")
    def test_turtle_parses(self):
        result = subprocess.run(["serdi", "-i", "turtle", "-o", "ntriples", COMMITTED_TTL],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                check=False)
        self.assertEqual(result.returncode, 0, result.stderr)

    @unittest.skipUnless(os.path.isdir(os.path.join(REPO, "build-gazetteer", "npm", "node_modules",
                                                    "geographer-data"))
                         and os.path.exists(bg.DEFAULT_WORDS),
                         "sources not installed (scripts/gazetteer/build.sh installs them)")
    def test_committed_extract_is_what_the_generator_writes(self):
        with tempfile.TemporaryDirectory(prefix="gazetteer-regen-") as tmp:
            stderr = io.StringIO()
            with contextlib.redirect_stderr(stderr):
                status = bg.main(["--quiet", "--out-dir", tmp,
                                  "--rdf-out", os.path.join(tmp, "geonames.ttl")])
            self.assertEqual(status, 0, stderr.getvalue())
            for name in ("countries.tsv", "regions.tsv", "cities.tsv", "sources.tsv"):
                with open(os.path.join(tmp, name), "rb") as new, \
                        open(os.path.join(COMMITTED_TSV, name), "rb") as old:
                    self.assertTrue(new.read() == old.read(), name + " is stale: run build.sh")
            with open(os.path.join(tmp, "geonames.ttl"), "rb") as new, \
                    open(COMMITTED_TTL, "rb") as old:
                self.assertTrue(new.read() == old.read(), "geonames.ttl is stale: run build.sh")


if __name__ == "__main__":
    unittest.main()
