#!/usr/bin/env python3
"""Generates varied synthetic news articles for the ingestion benchmark (Python 3 stdlib).

  python3 bench/gen_articles.py --articles 1000 --seed 42 -o build-bench/corpus/articles-1000

Each article is a plain text file like data/articles/: a leading `date YYYY-MM-DD` line, then
paragraphs separated by blank lines. The corpus covers several conflicts at once; articles
report events (airstrikes, shelling, drone and missile attacks, clashes, raids) at places taken
from data/gazetteer/*.tsv, actors with titles (ministers, spokespeople, commanders, envoys),
casualty claims attributed to a source and often contradicted by the other side, mediation
efforts (offers, talks, ceasefires, their success or failure), quotes and dates (absolute and
relative). The same --seed gives the same files byte for byte; article i depends only on the
seed and i, so a larger corpus extends a smaller one.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAZ = ROOT / "data" / "gazetteer"

FIRST = ["Ahmad", "Omar", "Yusuf", "Farid", "Karim", "Hassan", "Nadia", "Leila", "Samir", "Tariq",
         "Irina", "Pavel", "Dmitri", "Olena", "Andriy", "Mikhail", "Elena", "Jean", "Claire",
         "Marco", "Sofia", "Daniel", "Miriam", "David", "Abdullah", "Khalid", "Fatima", "Amina",
         "Rahim", "Javed", "Imran", "Ayesha", "Ali", "Reza", "Mehdi", "Zainab", "Kwame", "Amara",
         "Tendai", "Chidi", "Ngozi", "Abiy", "Mesfin", "Hana", "Li", "Wei", "Anh", "Minh",
         "Carlos", "Lucia", "Mateo", "Isabel", "Gustavo", "Ana", "Viktor", "Natalia", "Hamza"]
LAST = ["Haddad", "Rahman", "Karimi", "Nazari", "Qureshi", "Malik", "Siddiqui", "Hosseini",
        "Petrenko", "Kovalenko", "Shevchenko", "Volkov", "Sokolov", "Ivanova", "Dubois", "Moreau",
        "Rossi", "Bianchi", "Cohen", "Levi", "Mansour", "Khoury", "Bakr", "Osman", "Mensah",
        "Okafor", "Adeyemi", "Tesfaye", "Bekele", "Girma", "Nguyen", "Tran", "Zhang", "Wang",
        "Fernandez", "Gomez", "Herrera", "Castillo", "Novak", "Horvat", "Yilmaz", "Demir",
        "Aziz", "Farouk", "Saleh", "Hamdan", "Jaber", "Nasser", "Barzani", "Talabani"]
OFFICES = ["Defence Minister", "Foreign Minister", "Interior Minister", "Prime Minister",
           "President", "army spokesman", "military spokesperson", "government spokesman",
           "army chief", "Information Minister", "national security adviser"]
MEDIATOR_OFFICES = ["Foreign Minister", "special envoy", "Prime Minister", "President",
                    "national security adviser"]
ORG_MEDIATORS = [("the United Nations", "UN Secretary-General"),
                 ("the African Union", "African Union Commission chairperson"),
                 ("the European Union", "EU foreign policy chief"),
                 ("the Arab League", "Arab League Secretary-General")]
EVENTS = [  # (verb phrase with {a} attacker and {p} place, noun)
    ("{a} forces carried out airstrikes on {p}", "airstrikes"),
    ("{a} warplanes bombed targets in {p}", "bombing"),
    ("{a} artillery shelled {p}", "shelling"),
    ("drones launched by {a} forces struck {p}", "drone attack"),
    ("{a} forces fired ballistic missiles at {p}", "missile strike"),
    ("{a} troops clashed with {b} fighters near {p}", "clashes"),
    ("{a} special forces raided a compound in {p}", "raid"),
    ("a car bomb exploded at a checkpoint in {p}", "bombing"),
    ("{a} fighters ambushed a {b} convoy outside {p}", "ambush"),
    ("{a} forces launched a ground offensive towards {p}", "offensive"),
]
TARGETS = ["a weapons depot", "a military base", "border posts", "an air defence site",
           "a fuel depot", "a power station", "a bridge", "a training camp", "a market",
           "residential buildings", "a hospital", "a refugee camp", "an airport", "a port"]
VICTIMS = [("civilians", "civilians"), ("soldiers", "soldiers"), ("fighters", "fighters"),
           ("people", "people"), ("children", "children"), ("police officers", "police")]
FIGURES = ["killed", "wounded", "injured", "captured", "missing"]
SPEECH = ["said", "told reporters", "said in a statement", "told a news conference",
          "wrote on social media", "said on state television", "told AFP", "told Reuters"]
STATUSES = [
    ("offered to mediate between {a} and {b}", "offered"),
    ("hosted talks between {a} and {b} in {c}", "ongoing"),
    ("brokered a ceasefire between {a} and {b}", "agreed"),
    ("said its efforts to mediate between {a} and {b} had failed", "failed"),
    ("called on {a} and {b} to return to negotiations", "proposed"),
    ("is mediating between {a} and {b} through its own channels", "ongoing"),
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
FILLER = [
    "The claims could not be independently verified.",
    "Residents said they heard loud explosions throughout the night.",
    "Aid agencies warned that the humanitarian situation was deteriorating quickly.",
    "Thousands of families have fled the area in recent weeks, according to local officials.",
    "The border crossing has been closed since the fighting began.",
    "Analysts said the escalation marked a dangerous new phase of the conflict.",
    "Hospitals in the region said they were overwhelmed with wounded.",
    "Electricity and water supplies were cut in several districts.",
    "Schools remained closed for a third consecutive day.",
    "Satellite images showed extensive damage to buildings near the front line.",
]


def read_tsv(name):
    with open(GAZ / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


class World:
    """Conflicts, parties, places and people, fixed by the seed."""

    def __init__(self, seed: int, n_conflicts: int = 8):
        rng = random.Random(seed)
        countries = [c for c in read_tsv("countries.tsv")
                     if c["population"] and int(float(c["population"])) > 3_000_000
                     and c["demonyms"]]
        cities = read_tsv("cities.tsv")
        city_name = {c["geonames_id"]: c["name"] for c in cities}
        regions = read_tsv("regions.tsv")
        by_country = {}
        for c in cities:
            try:
                pop = int(float(c["population"] or 0))
            except ValueError:
                pop = 0
            if pop >= 50_000 and c["ambiguous"] != "1":
                by_country.setdefault(c["country_iso2"], []).append(c["name"])
        regions_by = {}
        for r in regions:
            if r["ambiguous"] != "1" and r["type"]:
                regions_by.setdefault(r["country_iso2"], []).append((r["name"], r["type"]))
        countries = [c for c in countries if len(by_country.get(c["iso2"], [])) >= 4]
        countries.sort(key=lambda c: c["iso2"])
        picked = rng.sample(countries, min(len(countries), 3 * n_conflicts))
        self.conflicts = []
        for i in range(n_conflicts):
            a, b, m = picked[3 * i], picked[3 * i + 1], picked[3 * i + 2]
            conflict = {
                "parties": [self.party(rng, a, by_country, regions_by),
                            self.party(rng, b, by_country, regions_by)],
                "mediators": [self.mediator(rng, m, city_name.get(m["capital_geonames_id"])
                                            or sorted(by_country[m["iso2"]])[0])] + [
                    self.org_mediator(rng, o) for o in rng.sample(ORG_MEDIATORS, 1)],
                "start": dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(0, 300)),
                "group": rng.choice(["Liberation Front", "People's Army", "Popular Movement",
                                     "Defence Brigades", "Resistance Front"]),
            }
            self.conflicts.append(conflict)

    @staticmethod
    def person(rng):
        return f"{rng.choice(FIRST)} {rng.choice(LAST)}"

    def party(self, rng, c, by_country, regions_by):
        demonym = c["demonyms"].split(",")[0].strip()
        return {
            "name": c["name"], "demonym": demonym, "iso2": c["iso2"],
            "cities": sorted(by_country[c["iso2"]])[:60],
            "regions": sorted(regions_by.get(c["iso2"], []))[:30],
            "people": [(self.person(rng), rng.choice(OFFICES)) for _ in range(6)],
        }

    def mediator(self, rng, c, capital):
        return {"name": c["name"], "capital": capital,
                "people": [(self.person(rng), rng.choice(MEDIATOR_OFFICES)) for _ in range(3)]}

    def org_mediator(self, rng, org):
        return {"name": org[0], "capital": "Geneva", "people": [(self.person(rng), org[1])]}


def date_phrase(rng, date: dt.date) -> str:
    k = rng.randrange(6)
    if k == 0:
        return "on " + WEEKDAYS[date.weekday()]
    if k == 1:
        d = date - dt.timedelta(days=rng.randrange(1, 6))
        return f"on {d.day} {MONTHS[d.month - 1]}"
    if k == 2:
        return "last week"
    if k == 3:
        return "overnight"
    if k == 4:
        d = date - dt.timedelta(days=rng.randrange(1, 40))
        return f"on {MONTHS[d.month - 1]} {d.day}, {d.year}"
    return "earlier this month"


def place(rng, side) -> str:
    city = rng.choice(side["cities"])
    if side["regions"] and rng.random() < 0.4:
        region, kind = rng.choice(side["regions"])
        kind = kind.lower()
        if kind in ("province", "state", "region", "district", "governorate", "county"):
            return f"{city}, in {region} {kind}"
        return f"{city}, in {region}"
    return city


def attribution(rng, side, subject=False) -> str:
    """Who makes a claim; `subject`: it starts a sentence (no trailing apposition)."""
    name, office = rng.choice(side["people"])
    k = rng.randrange(4)
    if k == 0:
        return f"{side['demonym']} {office} {name}"
    if k == 1:
        return (f"{name}, the {side['demonym']} {office[0].lower() + office[1:]},"
                if not subject else f"The {side['demonym']} {office[0].lower() + office[1:]}, "
                f"{name},")
    if k == 2:
        return ("the" if not subject else "The") + f" {side['demonym']} Health Ministry"
    return f"{side['name']}'s military"


def article(world: World, seed: int, i: int) -> str:
    rng = random.Random(f"{seed}:{i}")
    conflict = world.conflicts[rng.randrange(len(world.conflicts))]
    a, b = conflict["parties"] if rng.random() < 0.5 else conflict["parties"][::-1]
    date = conflict["start"] + dt.timedelta(days=rng.randrange(0, 420))
    paras = []
    # Lead: an event with a first casualty claim.
    verb, _ = rng.choice(EVENTS)
    where = place(rng, b)
    lead = verb.format(a=a["demonym"], b=b["demonym"], p=where)
    lead = lead[0].upper() + lead[1:]
    n = rng.randrange(2, 120)
    victims = rng.choice(VICTIMS)[0]
    paras.append(f"{lead} {date_phrase(rng, date)}, hitting {rng.choice(TARGETS)} and killing at "
                 f"least {n} {victims}, {attribution(rng, b)} said.")
    for _ in range(rng.randrange(8, 24)):
        k = rng.randrange(10)
        if k <= 2:  # conflicting casualty claims
            n1, n2 = rng.randrange(5, 300), rng.randrange(0, 60)
            fig = rng.choice(FIGURES)
            v = rng.choice(VICTIMS)[0]
            paras.append(f"{attribution(rng, a, True)} {rng.choice(SPEECH)} that {n1} "
                         f"{b['demonym']} {v} were {fig} in the operation. "
                         f"{attribution(rng, b, True)} disputed the figure, saying {n2} "
                         f"{v} had been {fig}"
                         + (f" and {rng.randrange(2, 40)} wounded." if fig != "wounded" else "."))
        elif k == 3:  # another event
            verb, _ = rng.choice(EVENTS)
            side_a, side_b = (a, b) if rng.random() < 0.6 else (b, a)
            s = verb.format(a=side_a["demonym"], b=side_b["demonym"], p=place(rng, side_b))
            paras.append(f"{s[0].upper() + s[1:]} {date_phrase(rng, date)}, "
                         f"{attribution(rng, side_b)} said.")
        elif k <= 5:  # mediation
            med = rng.choice(conflict["mediators"])
            tmpl, _ = rng.choice(STATUSES)
            act = tmpl.format(a=a["name"], b=b["name"], c=med["capital"])
            person, office = rng.choice(med["people"])
            paras.append(f"{med['name'][0].upper() + med['name'][1:]} {act} {date_phrase(rng, date)}. "
                         f"\"We urge both sides to show restraint and return to dialogue,\" "
                         f"{office} {person} {rng.choice(SPEECH)}.")
        elif k <= 7:  # a quote
            side = rng.choice((a, b))
            person, office = rng.choice(side["people"])
            other = b if side is a else a
            quote = rng.choice([
                f"We will respond to every attack on our territory",
                f"The aggression by {other['name']} will not go unanswered",
                f"Our forces have destroyed {rng.randrange(3, 40)} enemy positions",
                f"We remain ready for talks, but not under fire",
                f"{other['demonym']} forces are targeting civilians",
            ])
            paras.append(f"\"{quote},\" {side['demonym']} {office} {person} {rng.choice(SPEECH)} "
                         f"{date_phrase(rng, date)}.")
        elif k == 8:  # an armed group
            paras.append(f"The {b['demonym']} {conflict['group']} claimed responsibility for an "
                         f"attack on {rng.choice(TARGETS)} near {place(rng, a)}, in which "
                         f"{rng.randrange(2, 30)} {rng.choice(VICTIMS)[0]} were killed, according "
                         f"to {attribution(rng, a).rstrip(',')}.")
        else:
            paras.append(" ".join(rng.sample(FILLER, rng.randrange(1, 3))))
    return f"date {date.isoformat()}\n\n" + "\n\n".join(paras) + "\n"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--conflicts", type=int, default=8)
    ap.add_argument("-o", "--out", required=True, help="output directory")
    args = ap.parse_args(argv)
    world = World(args.seed, args.conflicts)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(args.articles):
        text = article(world, args.seed, i)
        digest = hashlib.sha1(text.encode()).hexdigest()[:16]
        path = out / f"{i:05d}_{digest}.txt"
        path.write_text(text, encoding="utf-8")
        total += len(text.encode())
    print(f"{args.articles} articles, {total / 1e6:.2f} MB -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
