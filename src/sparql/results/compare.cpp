#include "sparql/results/compare.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string_view>

#include "rdf/vocab.hpp"

namespace ng::sparql {

namespace {

constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";

bool is_integer_type(std::string_view dt) {
  if (dt.substr(0, kXsd.size()) != kXsd) return false;
  static const std::set<std::string_view> kTypes = {"integer",
                                                    "nonPositiveInteger",
                                                    "negativeInteger",
                                                    "long",
                                                    "int",
                                                    "short",
                                                    "byte",
                                                    "nonNegativeInteger",
                                                    "unsignedLong",
                                                    "unsignedInt",
                                                    "unsignedShort",
                                                    "unsignedByte",
                                                    "positiveInteger"};
  return kTypes.count(dt.substr(kXsd.size())) > 0;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Splits an optional sign off; returns false for an empty rest.
bool split_sign(std::string_view lexical, bool& negative, std::string_view& rest) {
  negative = false;
  rest = lexical;
  if (!rest.empty() && (rest[0] == '+' || rest[0] == '-')) {
    negative = rest[0] == '-';
    rest.remove_prefix(1);
  }
  return !rest.empty();
}

std::optional<std::string> canonical_integer(std::string_view lexical) {
  bool negative;
  std::string_view digits;
  if (!split_sign(lexical, negative, digits) || !all_digits(digits)) return std::nullopt;
  auto first = digits.find_first_not_of('0');
  if (first == std::string_view::npos) return "0";
  return (negative ? "-" : "") + std::string(digits.substr(first));
}

std::optional<std::string> canonical_decimal(std::string_view lexical) {
  bool negative;
  std::string_view rest;
  if (!split_sign(lexical, negative, rest)) return std::nullopt;
  auto dot = rest.find('.');
  std::string_view int_part = rest.substr(0, dot);
  std::string_view frac_part = dot == std::string_view::npos ? "" : rest.substr(dot + 1);
  if (int_part.empty() && frac_part.empty()) return std::nullopt;
  if ((!int_part.empty() && !all_digits(int_part)) ||
      (!frac_part.empty() && !all_digits(frac_part))) {
    return std::nullopt;
  }
  auto first = int_part.find_first_not_of('0');
  std::string i = first == std::string_view::npos ? "0" : std::string(int_part.substr(first));
  auto last = frac_part.find_last_not_of('0');
  std::string f = last == std::string_view::npos ? "0" : std::string(frac_part.substr(0, last + 1));
  if (i == "0" && f == "0") negative = false;
  return (negative ? "-" : "") + i + "." + f;
}

std::optional<std::string> canonical_floating(std::string_view lexical, bool is_float) {
  std::string text(lexical);
  if (text == "INF" || text == "+INF") return "INF";
  if (text == "-INF") return "-INF";
  if (text == "NaN") return "NaN";
  // strtod accepts more than XSD (hex, "inf" spellings); both sides go through it alike.
  if (text.empty() || text.find_first_not_of("+-.eE0123456789") != std::string::npos) {
    return std::nullopt;
  }
  char* end = nullptr;
  errno = 0;
  double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return std::nullopt;
  char buf[64];
  if (is_float) {
    std::snprintf(buf, sizeof buf, "%.9g", static_cast<double>(static_cast<float>(value)));
  } else {
    std::snprintf(buf, sizeof buf, "%.17g", value);
  }
  if (std::string_view(buf) == "-0") return "0";
  return std::string(buf);
}

bool has_blank(const ResultRow& row) {
  return std::any_of(row.begin(), row.end(), [](const auto& t) { return t && t->is_blank(); });
}

// The row with every blank node replaced by one placeholder.
ResultRow shape_of(const ResultRow& row) {
  ResultRow out = row;
  for (auto& t : out) {
    if (t && t->is_blank()) t = rdf::Term::blank("");
  }
  return out;
}

std::string row_to_string(const ResultRow& row, const std::vector<std::string>& variables) {
  std::string out;
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += (i < variables.size() ? "?" + variables[i] : "?_") + "=";
    out += row[i] ? row[i]->to_ntriples() : "UNDEF";
  }
  return "{" + out + "}";
}

// A blank-node renaming from expected labels to actual labels, kept a bijection.
class BlankMapping {
 public:
  // Tries to map e -> a; returns false if that contradicts the mapping. Records undo info.
  bool bind(const std::string& e, const std::string& a, std::vector<std::string>& added) {
    auto fe = forward_.find(e);
    if (fe != forward_.end()) return fe->second == a;
    if (backward_.count(a)) return false;
    forward_.emplace(e, a);
    backward_.emplace(a, e);
    added.push_back(e);
    return true;
  }
  void undo(const std::vector<std::string>& added) {
    for (const auto& e : added) {
      backward_.erase(forward_.at(e));
      forward_.erase(e);
    }
  }

 private:
  std::map<std::string, std::string> forward_;
  std::map<std::string, std::string> backward_;
};

bool rows_match(const ResultRow& e, const ResultRow& a, BlankMapping& mapping,
                std::vector<std::string>& added) {
  for (std::size_t i = 0; i < e.size(); ++i) {
    const auto& te = e[i];
    const auto& ta = a[i];
    if (!te || !ta) {
      if (te.has_value() != ta.has_value()) return false;
      continue;
    }
    if (te->is_blank() && ta->is_blank()) {
      if (!mapping.bind(te->value, ta->value, added)) return false;
    } else if (*te != *ta) {
      return false;
    }
  }
  return true;
}

class BlankRowMatcher {
 public:
  BlankRowMatcher(const std::vector<const ResultRow*>& expected,
                  const std::vector<const ResultRow*>& actual)
      : expected_(expected), actual_(actual), used_(actual.size(), false) {}

  // Returns nullopt when the search gave up.
  std::optional<bool> run() {
    bool found = search(0);
    if (steps_ > kMaxSteps) return std::nullopt;
    return found;
  }

 private:
  static constexpr unsigned long kMaxSteps = 5'000'000;

  bool search(std::size_t index) {
    if (index == expected_.size()) return true;
    if (++steps_ > kMaxSteps) return false;
    const ResultRow& e = *expected_[index];
    ResultRow shape = shape_of(e);
    for (std::size_t j = 0; j < actual_.size(); ++j) {
      if (used_[j] || shape_of(*actual_[j]) != shape) continue;
      std::vector<std::string> added;
      if (rows_match(e, *actual_[j], mapping_, added)) {
        used_[j] = true;
        if (search(index + 1)) return true;
        used_[j] = false;
        if (steps_ > kMaxSteps) return false;
      }
      mapping_.undo(added);
    }
    return false;
  }

  const std::vector<const ResultRow*>& expected_;
  const std::vector<const ResultRow*>& actual_;
  std::vector<bool> used_;
  BlankMapping mapping_;
  unsigned long steps_ = 0;
};

// Orders rows so that each row shares blank nodes with earlier ones where possible, which lets
// the backtracking search fail early.
std::vector<const ResultRow*> connected_order(std::vector<const ResultRow*> rows) {
  std::vector<const ResultRow*> out;
  std::set<std::string> seen;
  while (!rows.empty()) {
    std::size_t best = 0;
    long best_score = -1;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      long score = 0;
      for (const auto& t : *rows[i]) {
        if (t && t->is_blank() && seen.count(t->value)) ++score;
      }
      if (score > best_score) {
        best_score = score;
        best = i;
      }
    }
    for (const auto& t : *rows[best]) {
      if (t && t->is_blank()) seen.insert(t->value);
    }
    out.push_back(rows[best]);
    rows.erase(rows.begin() + static_cast<long>(best));
  }
  return out;
}

// Multiset equality up to blank-node renaming; `reason` says what differs.
bool multiset_match(const std::vector<ResultRow>& expected, const std::vector<ResultRow>& actual,
                    const std::vector<std::string>& variables, std::string& reason) {
  std::vector<ResultRow> ground_e, ground_a;
  std::vector<const ResultRow*> blank_e, blank_a;
  for (const auto& r : expected) {
    if (has_blank(r)) {
      blank_e.push_back(&r);
    } else {
      ground_e.push_back(r);
    }
  }
  for (const auto& r : actual) {
    if (has_blank(r)) {
      blank_a.push_back(&r);
    } else {
      ground_a.push_back(r);
    }
  }
  std::sort(ground_e.begin(), ground_e.end());
  std::sort(ground_a.begin(), ground_a.end());
  if (ground_e != ground_a) {
    std::vector<ResultRow> missing, extra;
    std::set_difference(ground_e.begin(), ground_e.end(), ground_a.begin(), ground_a.end(),
                        std::back_inserter(missing));
    std::set_difference(ground_a.begin(), ground_a.end(), ground_e.begin(), ground_e.end(),
                        std::back_inserter(extra));
    if (!missing.empty()) {
      reason = "missing " + row_to_string(missing[0], variables);
    } else {
      reason = "unexpected " + row_to_string(extra[0], variables);
    }
    if (missing.size() + extra.size() > 1) {
      reason += " (and " + std::to_string(missing.size() + extra.size() - 1) + " more differences)";
    }
    return false;
  }
  if (blank_e.size() != blank_a.size()) {
    reason = "expected " + std::to_string(blank_e.size()) + " rows with blank nodes, got " +
             std::to_string(blank_a.size());
    return false;
  }
  std::vector<ResultRow> shapes_e, shapes_a;
  for (const auto* r : blank_e) shapes_e.push_back(shape_of(*r));
  for (const auto* r : blank_a) shapes_a.push_back(shape_of(*r));
  std::sort(shapes_e.begin(), shapes_e.end());
  std::sort(shapes_a.begin(), shapes_a.end());
  if (shapes_e != shapes_a) {
    reason = "rows with blank nodes differ beyond blank-node labels";
    return false;
  }
  auto ordered_e = connected_order(blank_e);
  auto found = BlankRowMatcher(ordered_e, blank_a).run();
  if (!found) {
    reason = "blank-node matching gave up (too many candidates)";
    return false;
  }
  if (!*found) {
    reason = "no consistent blank-node mapping";
    return false;
  }
  return true;
}

void canonicalise(std::vector<ResultRow>& rows) {
  for (auto& row : rows) {
    for (auto& t : row) {
      if (t) t = canonical_value(*t);
    }
  }
}

std::string join_variables(const std::vector<std::string>& variables) {
  std::vector<std::string> sorted = variables;
  std::sort(sorted.begin(), sorted.end());
  std::string out;
  for (const auto& v : sorted) out += (out.empty() ? "?" : " ?") + v;
  return "[" + out + "]";
}

}  // namespace

rdf::Term canonical_value(const rdf::Term& term) {
  if (term.is_literal() && !term.lang.empty()) {
    return rdf::Term::literal(term.value, "", rdf::lowercase_ascii(term.lang));
  }
  if (!term.is_literal() || term.datatype.empty()) return term;
  std::string_view dt = term.datatype;
  std::optional<std::string> lexical;
  if (is_integer_type(dt)) {
    lexical = canonical_integer(term.value);
  } else if (dt == vocab::kXsdDecimal) {
    lexical = canonical_decimal(term.value);
  } else if (dt == vocab::kXsdDouble) {
    lexical = canonical_floating(term.value, false);
  } else if (dt == vocab::kXsdFloat) {
    lexical = canonical_floating(term.value, true);
  } else if (dt == vocab::kXsdBoolean) {
    if (term.value == "true" || term.value == "1") lexical = "true";
    if (term.value == "false" || term.value == "0") lexical = "false";
  }
  if (!lexical) return term;
  return rdf::Term::literal(*lexical, term.datatype);
}

Comparison compare_results(const ResultSet& expected, const ResultSet& actual,
                           const CompareOptions& options) {
  auto kind_name = [](ResultKind k) {
    switch (k) {
      case ResultKind::Solutions:
        return "solutions";
      case ResultKind::Boolean:
        return "a boolean";
      case ResultKind::Graph:
        return "a graph";
    }
    return "?";
  };
  if (expected.kind != actual.kind) {
    return {false, std::string("expected ") + kind_name(expected.kind) + ", got " +
                       kind_name(actual.kind)};
  }
  if (expected.kind == ResultKind::Boolean) {
    if (expected.boolean == actual.boolean) return {true, {}};
    return {false, std::string("expected ") + (expected.boolean ? "true" : "false") + ", got " +
                       (actual.boolean ? "true" : "false")};
  }
  if (expected.kind == ResultKind::Graph) {
    if (graphs_isomorphic(expected.triples, actual.triples)) return {true, {}};
    return {false, "graphs are not isomorphic (expected " +
                       std::to_string(expected.triples.size()) + " triples, got " +
                       std::to_string(actual.triples.size()) + ")"};
  }
  std::set<std::string> ve(expected.variables.begin(), expected.variables.end());
  std::set<std::string> va(actual.variables.begin(), actual.variables.end());
  if (ve != va) {
    return {false, "variables differ: expected " + join_variables(expected.variables) + ", got " +
                       join_variables(actual.variables)};
  }
  // Bring the actual rows into the expected column order.
  const auto& vars = expected.variables;
  std::vector<std::size_t> column(vars.size());
  for (std::size_t i = 0; i < vars.size(); ++i) {
    column[i] = static_cast<std::size_t>(
        std::find(actual.variables.begin(), actual.variables.end(), vars[i]) -
        actual.variables.begin());
  }
  std::vector<ResultRow> e = expected.rows;
  std::vector<ResultRow> a;
  a.reserve(actual.rows.size());
  for (const auto& row : actual.rows) {
    ResultRow r(vars.size());
    for (std::size_t i = 0; i < vars.size(); ++i) {
      if (column[i] < row.size()) r[i] = row[column[i]];
    }
    a.push_back(std::move(r));
  }
  for (auto& row : e) row.resize(vars.size());
  canonicalise(e);
  canonicalise(a);
  if (options.lax_cardinality) {
    if (a.size() > e.size()) {
      return {false, "expected at most " + std::to_string(e.size()) + " rows, got " +
                         std::to_string(a.size())};
    }
    auto dedupe = [](std::vector<ResultRow>& rows) {
      std::sort(rows.begin(), rows.end());
      rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    };
    dedupe(e);
    dedupe(a);
  }
  if (e.size() != a.size()) {
    std::string reason;
    multiset_match(e, a, vars, reason);
    return {false, "expected " + std::to_string(e.size()) + " rows, got " +
                       std::to_string(a.size()) + (reason.empty() ? "" : "; " + reason)};
  }
  std::vector<std::size_t> keys;
  for (const auto& k : options.order_keys) {
    auto it = std::find(vars.begin(), vars.end(), k);
    if (it != vars.end()) keys.push_back(static_cast<std::size_t>(it - vars.begin()));
  }
  if (options.ordered && keys.empty()) {
    // Whole rows in order, one blank-node mapping for all of them.
    BlankMapping mapping;
    for (std::size_t i = 0; i < e.size(); ++i) {
      std::vector<std::string> added;
      if (!rows_match(e[i], a[i], mapping, added)) {
        return {false, "row " + std::to_string(i + 1) + ": expected " + row_to_string(e[i], vars) +
                           ", got " + row_to_string(a[i], vars)};
      }
    }
    return {true, {}};
  }
  std::string reason;
  if (!multiset_match(e, a, vars, reason)) return {false, reason};
  if (options.ordered) {
    for (std::size_t i = 0; i < e.size(); ++i) {
      for (std::size_t k : keys) {
        const auto& te = e[i][k];
        const auto& ta = a[i][k];
        bool same =
            (!te && !ta) || (te && ta && (*te == *ta || (te->is_blank() && ta->is_blank())));
        if (!same) {
          return {false, "order differs at row " + std::to_string(i + 1) + ": expected ?" +
                             vars[k] + "=" + (te ? te->to_ntriples() : "UNDEF") + ", got " +
                             (ta ? ta->to_ntriples() : "UNDEF")};
        }
      }
    }
  }
  return {true, {}};
}

bool graphs_isomorphic(const std::vector<rdf::Quad>& a, const std::vector<rdf::Quad>& b) {
  auto rows = [](const std::vector<rdf::Quad>& triples) {
    std::vector<ResultRow> out;
    for (const auto& t : triples) {
      out.push_back(
          {canonical_value(t.subject), canonical_value(t.predicate), canonical_value(t.object)});
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  std::vector<ResultRow> ra = rows(a);
  std::vector<ResultRow> rb = rows(b);
  if (ra.size() != rb.size()) return false;
  std::string reason;
  return multiset_match(ra, rb, {"s", "p", "o"}, reason);
}

}  // namespace ng::sparql
