"""Random small graphs and random SPARQL queries for the differential test (stdlib only).

Everything is drawn from a random.Random, so a (seed, index) pair reproduces a case. Queries
only use features whose results SPARQL 1.1 fully specifies, so that two correct engines must
agree (up to row order without ORDER BY, blank-node labels and numeric lexical forms):
  - ORDER BY keys are STR(?v) (a total order: unbound, then simple literals by code point) or
    variables that only occur as subjects (unbound < blank nodes < IRIs; blank nodes tie);
  - no SAMPLE, GROUP_CONCAT, RAND, NOW, BNODE(), UUID; MIN/MAX only over STR(...) values;
  - no LIMIT/OFFSET without ORDER BY.
"""

import random

EX = "http://example.org/"
PREFIXES = "PREFIX : <http://example.org/>\nPREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"

SUBJECTS = [":s%d" % i for i in range(6)] + ["_:b0", "_:b1"]
PREDICATES = [":p%d" % i for i in range(4)]
# Literals of the graphs: lexical forms that are canonical, because Oxigraph keeps numeric values,
# not lexical forms (STR("1.0e1"^^xsd:double) is "10" there, "1.0e1" by the spec).
LITERALS = [
    "1", "2", "3", "-4", "10", "2.5", "0.5", '"a"', '"b"', '"abc"', '"Abc"', '"a"@en',
    '"b"@fr', '"1"', '"10"^^xsd:integer', '"x y"', '""', "true", '"2024-01-02"^^xsd:date',
    '"caf\\u00e9"',
]
# Constants of FILTER comparisons: the graph's literals and a double.
CONSTANTS = LITERALS + ["1.0e1", "2E0"]


def random_graph(rng):
    """Turtle text of a graph with 15-45 triples (fewer after duplicates)."""
    triples = set()
    for _ in range(rng.randint(15, 45)):
        s = rng.choice(SUBJECTS)
        p = rng.choice(PREDICATES)
        if rng.random() < 0.5:
            o = rng.choice(SUBJECTS)
        else:
            o = rng.choice(LITERALS)
        triples.add((s, p, o))
    lines = ["@prefix : <%s> ." % EX, "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> ."]
    lines += ["%s %s %s ." % t for t in sorted(triples)]
    return "\n".join(lines) + "\n"


class QueryGen:
    """One query; variables ?v0..?v4. `subject_vars` are variables seen only as subjects."""

    VARS = ["?v%d" % i for i in range(5)]

    def __init__(self, rng):
        self.rng = rng
        self.order = []  # (variable, "str" | "term", descending)
        self.sliced = False
        self.used = []  # variables in order of appearance
        self.subject_only = set()
        self.other_pos = set()

    def var(self, fresh_bias=0.5):
        if self.used and (self.rng.random() > fresh_bias or len(self.used) == len(self.VARS)):
            return self.rng.choice(self.used)
        v = self.VARS[len(self.used)]
        self.used.append(v)
        return v

    def note(self, term, subject):
        if term.startswith("?"):
            (self.subject_only if subject else self.other_pos).add(term)

    def node(self, subject):
        r = self.rng.random()
        if r < 0.88:
            t = self.var()
        elif subject or r < 0.95:
            t = self.rng.choice(SUBJECTS[:6])
        else:
            t = self.rng.choice(LITERALS)
        self.note(t, subject)
        return t

    def path(self, depth=0):
        r = self.rng.random()
        p = self.rng.choice(PREDICATES)
        if depth > 1 or r < 0.3:
            return p
        if r < 0.4:
            return "%s/%s" % (self.path(depth + 1), self.path(depth + 1))
        if r < 0.5:
            return "(%s|%s)" % (self.path(depth + 1), self.path(depth + 1))
        if r < 0.6:
            return "^%s" % p
        if r < 0.7:
            return "%s*" % p
        if r < 0.8:
            return "%s+" % p
        if r < 0.87:
            return "%s?" % p
        if r < 0.94:
            return "!(%s|^%s)" % (p, self.rng.choice(PREDICATES))
        return "(%s|%s)+" % (p, self.rng.choice(PREDICATES))

    def triple(self, allow_path):
        s = self.node(True)
        if allow_path and self.rng.random() < 0.25:
            p = self.path()
            self.note(s, False)  # ^p and p* can bind the subject to a literal
        elif self.rng.random() < 0.1:
            p = self.var()
            self.note(p, False)
        else:
            p = self.rng.choice(PREDICATES)
        o = self.node(False)
        for _ in range(3):  # self-loops ?x :p ?x rarely match: only a few
            if o != s or self.rng.random() < 0.05:
                break
            o = self.node(False)
        return "%s %s %s ." % (s, p, o)

    def bgp(self, allow_path=True):
        n = self.rng.choice([1, 1, 2, 2, 3])
        return " ".join(self.triple(allow_path) for _ in range(n))

    def expr(self, depth=0):
        rng = self.rng
        v = self.var(0.1)
        self.note(v, False)
        r = rng.random()
        if depth < 1 and r < 0.15:
            op = rng.choice(["&&", "||"])
            return "(%s %s %s)" % (self.expr(depth + 1), op, self.expr(depth + 1))
        if depth < 1 and r < 0.2:
            return "!(%s)" % self.expr(depth + 1)
        if r < 0.45:
            op = rng.choice(["=", "!=", "<", ">", "<=", ">="])
            constants = CONSTANTS
            if op not in ("=", "!="):
                # SPARQL 1.1 does not order language-tagged literals; Oxigraph and Jena differ
                # (tests/difftest/cases/lang-literal-ordering).
                constants = [c for c in CONSTANTS if '"@' not in c]
            rhs = rng.choice(constants + [self.var(0.0)] + SUBJECTS[:3])
            return "(%s %s %s)" % (v, op, rhs)
        if r < 0.55:
            pat = rng.choice(["^a", "b$", "a.c", "[0-9]", "^$", "A", "x|1", "^.{2,}$"])
            flags = rng.choice(["", "", ', "i"'])
            return 'regex(str(%s), "%s"%s)' % (v, pat, flags)
        if r < 0.65:
            return "bound(%s)" % v
        if r < 0.72:
            return rng.choice(["isIRI", "isLiteral", "isBlank", "isNumeric"]) + "(%s)" % v
        if r < 0.8:
            return "(%s + %d > %d)" % (v, rng.randint(-2, 2), rng.randint(0, 5))
        if r < 0.86:
            return 'lang(%s) = "%s"' % (v, rng.choice(["en", "", "fr"]))
        if r < 0.92:
            return "(strlen(str(%s)) %s %d)" % (v, rng.choice(["<", ">", "="]), rng.randint(0, 4))
        return "sameTerm(%s, %s)" % (v, self.var(0.0))

    def group(self, depth=0):
        rng = self.rng
        parts = [self.bgp()]
        for _ in range(rng.randint(0, 2)):
            r = rng.random()
            if depth < 2 and r < 0.35:
                parts.append("OPTIONAL { %s }" % self.group(depth + 1))
            elif depth < 2 and r < 0.5:
                parts.append("{ %s } UNION { %s }" % (self.group(depth + 1), self.group(depth + 1)))
            elif r < 0.7:
                parts.append("FILTER(%s)" % self.expr())
            elif depth < 2 and r < 0.8:
                parts.append("MINUS { %s }" % self.group(depth + 1))
            elif r < 0.9:
                parts.append(self.bgp())
            elif depth < 2:
                parts.append("FILTER %sEXISTS { %s }" % (rng.choice(["", "NOT "]),
                                                         self.group(depth + 1)))
        return " ".join(parts)

    def aggregate_query(self):
        rng = self.rng
        where = self.group()
        keys = [v for v in self.used if rng.random() < 0.4][:2]
        target = rng.choice(self.used) if self.used else "?v0"  # unbound: a group of errors
        aggs = []
        for i in range(rng.randint(1, 2)):
            kind = rng.choice(["COUNT", "COUNT*", "COUNTD", "SUM", "AVG", "MIN", "MAX"])
            if kind == "COUNT*":
                e = "COUNT(*)"
            elif kind == "COUNTD":
                e = "COUNT(DISTINCT %s)" % target
            elif kind in ("MIN", "MAX"):
                e = "%s(STR(%s))" % (kind, target)
            else:
                e = "%s(%s)" % (kind, target)
            aggs.append("(%s AS ?agg%d)" % (e, i))
        q = "SELECT %s %s WHERE { %s }" % (" ".join(keys), " ".join(aggs), where)
        if keys:
            q += " GROUP BY %s" % " ".join(keys)
            if rng.random() < 0.2:
                q += " HAVING (COUNT(*) > 1)"
        return q

    def query(self):
        rng = self.rng
        r = rng.random()
        if r < 0.2:
            return PREFIXES + self.aggregate_query()
        if r < 0.25:
            return PREFIXES + "ASK { %s }" % self.group()
        where = self.group()
        distinct = "DISTINCT " if rng.random() < 0.25 else ""
        if rng.random() < 0.3 or not self.used:
            proj = "*"
            projected = list(self.used)
        else:
            projected = [v for v in self.used if rng.random() < 0.6] or [self.used[0]]
            proj = " ".join(projected)
        q = "SELECT %s%s WHERE { %s }" % (distinct, proj, where)
        if projected and rng.random() < 0.3:
            keys = []
            for v in rng.sample(projected, min(len(projected), rng.randint(1, 2))):
                plain = v in self.subject_only and v not in self.other_pos
                k = v if plain else "STR(%s)" % v
                form = rng.choice(["%s", "DESC(%s)", "ASC(%s)"])
                keys.append(form % k)
                self.order.append((v[1:], "term" if plain else "str", form.startswith("DESC")))
            q += " ORDER BY " + " ".join(keys)
            if rng.random() < 0.6:
                q += " LIMIT %d" % rng.randint(1, 5)
                self.sliced = True
                if rng.random() < 0.3:
                    q += " OFFSET %d" % rng.randint(1, 3)
        return PREFIXES + q


def random_query(rng):
    """(query text, ORDER BY keys as (variable, "str" | "term", descending), sliced?)."""
    g = QueryGen(rng)
    text = g.query()
    return text, g.order, g.sliced


if __name__ == "__main__":
    import sys

    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    r = random.Random(seed)
    print(random_graph(r))
    for _ in range(5):
        print(random_query(r)[0])
        print()
