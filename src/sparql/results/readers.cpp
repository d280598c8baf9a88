#include "sparql/results/readers.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "rdf/file_text.hpp"
#include "rdf/utf8.hpp"
#include "rdf/vocab.hpp"
#include "sparql/results/json.hpp"
#include "sparql/results/xml.hpp"
#include "store/rdf_io.hpp"
#include "store/store.hpp"

namespace ng::sparql {

namespace {

using detail::JsonValue;
using detail::XmlNode;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// --- SPARQL XML results -------------------------------------------------------------------

rdf::Term srx_term(const XmlNode& value) {
  if (value.local == "uri") return rdf::Term::iri(value.text_content());
  if (value.local == "bnode") return rdf::Term::blank(value.text_content());
  if (value.local == "literal") {
    const auto* lang = value.attribute(detail::kXmlNs, "lang");
    const auto* datatype = value.attribute("", "datatype");
    return rdf::Term::literal(value.text_content(), datatype ? datatype->value : "",
                              lang ? lang->value : "");
  }
  throw ResultsParseError("line " + std::to_string(value.line) + ": unexpected <" + value.local +
                          "> in a binding");
}

// --- TSV terms (Turtle syntax) ------------------------------------------------------------

class TurtleTermParser {
 public:
  TurtleTermParser(std::string_view text, unsigned long line) : text_(text), line_(line) {}

  rdf::Term parse() {
    rdf::Term t = term();
    if (pos_ != text_.size()) fail("unexpected text after a term");
    return t;
  }

 private:
  [[noreturn]] void fail(const std::string& message) const {
    throw ResultsParseError("line " + std::to_string(line_) + ": " + message + " in '" +
                            std::string(text_) + "'");
  }
  unsigned long hex(std::size_t digits) {
    if (pos_ + digits > text_.size()) fail("truncated \\u escape");
    std::string h(text_.substr(pos_, digits));
    if (h.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) fail("bad \\u escape");
    pos_ += digits;
    return std::stoul(h, nullptr, 16);
  }
  std::string iri() {
    ++pos_;
    std::string out;
    while (pos_ < text_.size() && text_[pos_] != '>') {
      if (text_[pos_] == '\\') {
        ++pos_;
        if (pos_ >= text_.size()) fail("bad escape");
        char e = text_[pos_++];
        if (e == 'u') {
          rdf::append_utf8(out, hex(4));
        } else if (e == 'U') {
          rdf::append_utf8(out, hex(8));
        } else {
          fail("bad escape in IRI");
        }
      } else {
        out += text_[pos_++];
      }
    }
    if (pos_ >= text_.size()) fail("unterminated IRI");
    ++pos_;
    return out;
  }
  std::string string_literal() {
    char quote = text_[pos_];
    bool long_form = text_.substr(pos_, 3) == std::string(3, quote);
    pos_ += long_form ? 3 : 1;
    std::string out;
    for (;;) {
      if (pos_ >= text_.size()) fail("unterminated string");
      if (long_form ? text_.substr(pos_, 3) == std::string(3, quote) : text_[pos_] == quote) {
        pos_ += long_form ? 3 : 1;
        return out;
      }
      char c = text_[pos_++];
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= text_.size()) fail("bad escape");
      char e = text_[pos_++];
      switch (e) {
        case 't':
          out += '\t';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case '"':
          out += '"';
          break;
        case '\'':
          out += '\'';
          break;
        case '\\':
          out += '\\';
          break;
        case 'u':
          rdf::append_utf8(out, hex(4));
          break;
        case 'U':
          rdf::append_utf8(out, hex(8));
          break;
        default:
          fail(std::string("bad escape \\") + e);
      }
    }
  }
  rdf::Term term() {
    if (pos_ >= text_.size()) fail("expected a term");
    char c = text_[pos_];
    if (c == '<') return rdf::Term::iri(iri());
    if (c == '_' && text_.substr(pos_, 2) == "_:") {
      pos_ += 2;
      std::size_t start = pos_;
      while (pos_ < text_.size() && text_[pos_] != ' ') ++pos_;
      if (start == pos_) fail("empty blank node label");
      return rdf::Term::blank(text_.substr(start, pos_ - start));
    }
    if (c == '"' || c == '\'') {
      std::string lexical = string_literal();
      if (pos_ < text_.size() && text_[pos_] == '@') {
        std::size_t start = ++pos_;
        while (pos_ < text_.size() &&
               (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '-')) {
          ++pos_;
        }
        if (start == pos_) fail("empty language tag");
        return rdf::Term::literal(lexical, "", text_.substr(start, pos_ - start));
      }
      if (text_.substr(pos_, 2) == "^^") {
        pos_ += 2;
        if (pos_ >= text_.size() || text_[pos_] != '<') fail("expected a datatype IRI");
        return rdf::Term::literal(lexical, iri());
      }
      return rdf::Term::literal(lexical);
    }
    std::string_view rest = text_.substr(pos_);
    if (rest == "true" || rest == "false") {
      pos_ = text_.size();
      return rdf::Term::literal(rest, vocab::kXsdBoolean);
    }
    // Numbers: INTEGER, DECIMAL, DOUBLE of the Turtle grammar.
    std::size_t i = 0;
    if (i < rest.size() && (rest[i] == '+' || rest[i] == '-')) ++i;
    std::size_t int_digits = 0, frac_digits = 0;
    while (i < rest.size() && std::isdigit(static_cast<unsigned char>(rest[i]))) ++i, ++int_digits;
    bool dot = i < rest.size() && rest[i] == '.';
    if (dot) {
      ++i;
      while (i < rest.size() && std::isdigit(static_cast<unsigned char>(rest[i]))) {
        ++i, ++frac_digits;
      }
    }
    bool exponent = i < rest.size() && (rest[i] == 'e' || rest[i] == 'E');
    if (exponent) {
      ++i;
      if (i < rest.size() && (rest[i] == '+' || rest[i] == '-')) ++i;
      std::size_t exp_digits = 0;
      while (i < rest.size() && std::isdigit(static_cast<unsigned char>(rest[i]))) {
        ++i, ++exp_digits;
      }
      if (exp_digits == 0) fail("bad number");
    }
    if (i != rest.size() || int_digits + frac_digits == 0 ||
        (dot && !exponent && frac_digits == 0)) {
      fail("not a term");
    }
    pos_ = text_.size();
    std::string_view datatype = exponent ? vocab::kXsdDouble
                                : dot    ? vocab::kXsdDecimal
                                         : vocab::kXsdInteger;
    return rdf::Term::literal(rest, datatype);
  }

  std::string_view text_;
  unsigned long line_;
  std::size_t pos_ = 0;
};

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

std::vector<std::string_view> split(std::string_view line, char sep) {
  std::vector<std::string_view> cells;
  std::size_t start = 0;
  for (;;) {
    auto end = line.find(sep, start);
    if (end == std::string_view::npos) {
      cells.push_back(line.substr(start));
      return cells;
    }
    cells.push_back(line.substr(start, end - start));
    start = end + 1;
  }
}

// --- RDF result sets ----------------------------------------------------------------------

const rdf::Term* object_of(const std::vector<rdf::Quad>& triples, const rdf::Term& subject,
                           std::string_view predicate) {
  for (const auto& t : triples) {
    if (t.subject == subject && t.predicate.is_iri() && t.predicate.value == predicate) {
      return &t.object;
    }
  }
  return nullptr;
}

std::vector<const rdf::Term*> objects_of(const std::vector<rdf::Quad>& triples,
                                         const rdf::Term& subject, std::string_view predicate) {
  std::vector<const rdf::Term*> out;
  for (const auto& t : triples) {
    if (t.subject == subject && t.predicate.is_iri() && t.predicate.value == predicate) {
      out.push_back(&t.object);
    }
  }
  return out;
}

}  // namespace

ResultSet read_srx(std::string_view text) {
  XmlNode root = detail::parse_xml(text);
  if (root.local != "sparql")
    throw ResultsParseError("not a SPARQL XML result: root is <" + root.local + ">");
  ResultSet out;
  bool have_results = false;
  for (const XmlNode* section : root.elements()) {
    if (section->local == "head") {
      for (const XmlNode* v : section->elements()) {
        if (v->local != "variable") continue;
        const auto* name = v->attribute("", "name");
        if (!name)
          throw ResultsParseError("line " + std::to_string(v->line) + ": <variable> without name");
        out.variables.push_back(name->value);
      }
    } else if (section->local == "boolean") {
      std::string value = section->text_content();
      if (value != "true" && value != "false") {
        throw ResultsParseError("line " + std::to_string(section->line) + ": bad boolean '" +
                                value + "'");
      }
      out.kind = ResultKind::Boolean;
      out.boolean = value == "true";
      have_results = true;
    } else if (section->local == "results") {
      have_results = true;
      for (const XmlNode* result : section->elements()) {
        if (result->local != "result") {
          throw ResultsParseError("line " + std::to_string(result->line) + ": expected <result>");
        }
        ResultRow row(out.variables.size());
        for (const XmlNode* binding : result->elements()) {
          const auto* name = binding->attribute("", "name");
          if (binding->local != "binding" || !name) {
            throw ResultsParseError("line " + std::to_string(binding->line) +
                                    ": expected <binding name=...>");
          }
          auto it = std::find(out.variables.begin(), out.variables.end(), name->value);
          if (it == out.variables.end()) {
            throw ResultsParseError("line " + std::to_string(binding->line) + ": binding of ?" +
                                    name->value + ", which is not in the head");
          }
          auto values = binding->elements();
          if (values.size() != 1) {
            throw ResultsParseError("line " + std::to_string(binding->line) +
                                    ": a binding needs exactly one value");
          }
          row[static_cast<std::size_t>(it - out.variables.begin())] = srx_term(*values[0]);
        }
        out.rows.push_back(std::move(row));
      }
    }
  }
  if (!have_results) throw ResultsParseError("SPARQL XML result without <results> or <boolean>");
  return out;
}

ResultSet read_srj(std::string_view text) {
  JsonValue root = detail::parse_json(text);
  ResultSet out;
  if (root.type != JsonValue::Type::Object)
    throw ResultsParseError("SPARQL JSON result is not an object");
  if (const JsonValue* head = root.get("head")) {
    if (const JsonValue* vars = head->get("vars")) {
      for (const auto& v : vars->array) {
        if (v.type != JsonValue::Type::String)
          throw ResultsParseError("head.vars must hold strings");
        out.variables.push_back(v.text);
      }
    }
  }
  if (const JsonValue* b = root.get("boolean")) {
    if (b->type != JsonValue::Type::Boolean)
      throw ResultsParseError("\"boolean\" is not a boolean");
    out.kind = ResultKind::Boolean;
    out.boolean = b->boolean;
    return out;
  }
  const JsonValue* results = root.get("results");
  const JsonValue* bindings = results ? results->get("bindings") : nullptr;
  if (!bindings || bindings->type != JsonValue::Type::Array) {
    throw ResultsParseError("SPARQL JSON result without results.bindings or boolean");
  }
  for (const auto& solution : bindings->array) {
    if (solution.type != JsonValue::Type::Object)
      throw ResultsParseError("a solution is not an object");
    ResultRow row(out.variables.size());
    for (const auto& [name, value] : solution.object) {
      auto it = std::find(out.variables.begin(), out.variables.end(), name);
      if (it == out.variables.end()) {
        throw ResultsParseError("binding of ?" + name + ", which is not in head.vars");
      }
      const JsonValue* type = value.get("type");
      const JsonValue* v = value.get("value");
      if (!type || !v || type->type != JsonValue::Type::String ||
          v->type != JsonValue::Type::String) {
        throw ResultsParseError("binding of ?" + name + " needs string \"type\" and \"value\"");
      }
      rdf::Term term;
      if (type->text == "uri") {
        term = rdf::Term::iri(v->text);
      } else if (type->text == "bnode") {
        term = rdf::Term::blank(v->text);
      } else if (type->text == "literal" || type->text == "typed-literal") {
        const JsonValue* lang = value.get("xml:lang");
        const JsonValue* datatype = value.get("datatype");
        term = rdf::Term::literal(v->text, datatype ? datatype->text : "", lang ? lang->text : "");
      } else {
        throw ResultsParseError("unknown term type \"" + type->text + "\"");
      }
      row[static_cast<std::size_t>(it - out.variables.begin())] = std::move(term);
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

ResultSet read_tsv(std::string_view text) {
  auto lines = split_lines(text);
  if (lines.empty()) throw ResultsParseError("empty TSV document");
  ResultSet out;
  if (!lines[0].empty()) {
    for (auto cell : split(lines[0], '\t')) {
      if (cell.size() < 2 || (cell[0] != '?' && cell[0] != '$')) {
        throw ResultsParseError("line 1: TSV header cell '" + std::string(cell) +
                                "' is not a variable");
      }
      out.variables.emplace_back(cell.substr(1));
    }
  }
  for (std::size_t i = 1; i < lines.size(); ++i) {
    auto cells = split(lines[i], '\t');
    if (out.variables.empty() && cells.size() == 1 && cells[0].empty()) {
      out.rows.emplace_back();
      continue;
    }
    if (cells.size() != out.variables.size()) {
      throw ResultsParseError("line " + std::to_string(i + 1) + ": " +
                              std::to_string(cells.size()) + " cells for " +
                              std::to_string(out.variables.size()) + " variables");
    }
    ResultRow row;
    for (auto cell : cells) {
      if (cell.empty()) {
        row.emplace_back(std::nullopt);
      } else {
        row.emplace_back(TurtleTermParser(cell, i + 1).parse());
      }
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

ResultSet read_csv(std::string_view text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string cell;
  std::size_t pos = 0;
  unsigned long line = 1;
  bool in_record = false;
  while (pos < text.size()) {
    char c = text[pos];
    if (c == '"' && cell.empty()) {
      ++pos;
      for (;;) {
        if (pos >= text.size())
          throw ResultsParseError("line " + std::to_string(line) +
                                  ": unterminated quoted CSV field");
        if (text[pos] == '"') {
          if (pos + 1 < text.size() && text[pos + 1] == '"') {
            cell += '"';
            pos += 2;
            continue;
          }
          ++pos;
          break;
        }
        if (text[pos] == '\n') ++line;
        cell += text[pos++];
      }
      if (pos < text.size() && text[pos] != ',' && text[pos] != '\r' && text[pos] != '\n') {
        throw ResultsParseError("line " + std::to_string(line) + ": text after a quoted CSV field");
      }
      in_record = true;
      continue;
    }
    if (c == ',') {
      record.push_back(std::move(cell));
      cell.clear();
      in_record = true;
      ++pos;
    } else if (c == '\r' || c == '\n') {
      pos += (c == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n') ? 2u : 1u;
      ++line;
      record.push_back(std::move(cell));
      cell.clear();
      records.push_back(std::move(record));
      record.clear();
      in_record = false;
    } else {
      cell += c;
      in_record = true;
      ++pos;
    }
  }
  if (in_record) {
    record.push_back(std::move(cell));
    records.push_back(std::move(record));
  }
  if (records.empty()) throw ResultsParseError("empty CSV document");
  ResultSet out;
  if (!(records[0].size() == 1 && records[0][0].empty())) out.variables = records[0];
  for (std::size_t i = 1; i < records.size(); ++i) {
    const auto& r = records[i];
    if (out.variables.empty() && r.size() == 1 && r[0].empty()) {
      out.rows.emplace_back();
      continue;
    }
    if (r.size() != out.variables.size()) {
      throw ResultsParseError("CSV record " + std::to_string(i + 1) + " has " +
                              std::to_string(r.size()) + " fields for " +
                              std::to_string(out.variables.size()) + " variables");
    }
    ResultRow row;
    for (const auto& field : r) {
      if (field.empty()) {
        row.emplace_back(std::nullopt);
      } else if (field.rfind("_:", 0) == 0) {
        row.emplace_back(rdf::Term::blank(field.substr(2)));
      } else {
        row.emplace_back(rdf::Term::literal(field));
      }
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

std::optional<ResultSet> result_set_from_triples(const std::vector<rdf::Quad>& triples) {
  const std::string rs(kResultSetNs);
  const rdf::Term* set = nullptr;
  for (const auto& t : triples) {
    if (t.predicate.value == vocab::kRdfType && t.object.is_iri() &&
        t.object.value == rs + "ResultSet") {
      set = &t.subject;
      break;
    }
  }
  if (!set) return std::nullopt;
  ResultSet out;
  if (const rdf::Term* b = object_of(triples, *set, rs + "boolean")) {
    out.kind = ResultKind::Boolean;
    out.boolean = b->value == "true" || b->value == "1";
    return out;
  }
  for (const rdf::Term* v : objects_of(triples, *set, rs + "resultVariable"))
    out.variables.push_back(v->value);
  struct Indexed {
    long index;
    ResultRow row;
  };
  std::vector<Indexed> rows;
  bool all_indexed = true;
  for (const rdf::Term* solution : objects_of(triples, *set, rs + "solution")) {
    std::map<std::string, rdf::Term> bindings;
    for (const rdf::Term* binding : objects_of(triples, *solution, rs + "binding")) {
      const rdf::Term* var = object_of(triples, *binding, rs + "variable");
      const rdf::Term* value = object_of(triples, *binding, rs + "value");
      if (!var || !value) throw ResultsParseError("rs:binding without rs:variable or rs:value");
      bindings[var->value] = *value;
    }
    for (const auto& [name, value] : bindings) {
      if (std::find(out.variables.begin(), out.variables.end(), name) == out.variables.end()) {
        out.variables.push_back(name);
      }
    }
    ResultRow row;
    for (const auto& name : out.variables) {
      auto it = bindings.find(name);
      row.push_back(it == bindings.end() ? std::nullopt : std::optional<rdf::Term>(it->second));
    }
    long index = 0;
    if (const rdf::Term* i = object_of(triples, *solution, rs + "index")) {
      index = std::stol(i->value);
    } else {
      all_indexed = false;
    }
    rows.push_back({index, std::move(row)});
  }
  if (all_indexed) {
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Indexed& a, const Indexed& b) { return a.index < b.index; });
  }
  for (auto& r : rows) {
    r.row.resize(out.variables.size());  // variables first seen in a later solution
    out.rows.push_back(std::move(r.row));
  }
  return out;
}

std::vector<rdf::Quad> read_graph_file(store::World& world, const std::string& path) {
  std::vector<rdf::Quad> triples;
  if (ends_with(path, ".rdf")) {
    triples = read_rdf_xml(rdf::read_whole_file(path), store::file_iri(path));
  } else {
    store::Store s(world);
    store::load_file(s, path);
    store::Cursor cursor = s.scan(nullptr, nullptr, nullptr, nullptr);
    store::QuadIds q;
    while (cursor.next(q)) {
      triples.push_back(rdf::Quad{store::World::term(q.subject), store::World::term(q.predicate),
                                  store::World::term(q.object), std::nullopt});
    }
  }
  auto key = [](const rdf::Quad& a) { return std::tie(a.subject, a.predicate, a.object); };
  std::sort(triples.begin(), triples.end(),
            [&](const rdf::Quad& a, const rdf::Quad& b) { return key(a) < key(b); });
  triples.erase(std::unique(triples.begin(), triples.end()), triples.end());
  return triples;
}

ResultSet read_result_file(store::World& world, const std::string& path) {
  if (ends_with(path, ".srx")) return read_srx(rdf::read_whole_file(path));
  if (ends_with(path, ".srj")) return read_srj(rdf::read_whole_file(path));
  if (ends_with(path, ".tsv")) return read_tsv(rdf::read_whole_file(path));
  if (ends_with(path, ".csv")) return read_csv(rdf::read_whole_file(path));
  std::vector<rdf::Quad> triples = read_graph_file(world, path);
  if (auto set = result_set_from_triples(triples)) return std::move(*set);
  ResultSet graph;
  graph.kind = ResultKind::Graph;
  graph.triples = std::move(triples);
  return graph;
}

}  // namespace ng::sparql
