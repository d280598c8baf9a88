#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>

#include "rdf/vocab.hpp"
#include "sparql/results/json.hpp"
#include "sparql/results/result_format.hpp"
#include "store/rdf_io.hpp"

namespace ng::sparql {

namespace {

struct FormatName {
  std::string_view name;
  ResultFormat format;
};

constexpr FormatName kFormatNames[] = {
    {"table", ResultFormat::Table}, {"csv", ResultFormat::Csv},
    {"tsv", ResultFormat::Tsv},     {"json", ResultFormat::Json},
    {"xml", ResultFormat::Xml},     {"turtle", ResultFormat::Turtle},
    {"ttl", ResultFormat::Turtle},  {"ntriples", ResultFormat::NTriples},
    {"nt", ResultFormat::NTriples}, {"nquads", ResultFormat::NQuads},
    {"nq", ResultFormat::NQuads},
};

// Random access to the cells of a solution sequence, whatever holds it.
struct Solutions {
  const std::vector<std::string>& variables;
  std::size_t rows;
  std::function<std::optional<rdf::TermView>(std::size_t row, std::size_t column)> cell;
};

// Decodes one UTF-8 sequence at `i` (advancing it); invalid bytes decode as U+FFFD.
std::uint32_t next_code_point(std::string_view s, std::size_t& i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b = byte(i);
  std::size_t len = b < 0x80           ? 1
                    : (b >> 5) == 0x6  ? 2
                    : (b >> 4) == 0xE  ? 3
                    : (b >> 3) == 0x1E ? 4
                                       : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  std::uint32_t cp = len == 1 ? b : len == 2 ? (b & 0x1Fu) : len == 3 ? (b & 0x0Fu) : (b & 0x07u);
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3Fu);
  }
  i += len;
  return cp;
}

int code_point_width(std::uint32_t cp) {
  if (cp == 0) return 0;
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return 0;
  // Combining marks and zero-width characters.
  if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x0483 && cp <= 0x0489) ||
      (cp >= 0x0591 && cp <= 0x05BD) || (cp >= 0x0610 && cp <= 0x061A) ||
      (cp >= 0x064B && cp <= 0x065F) || (cp >= 0x0E31 && cp <= 0x0E3A && cp != 0x0E32) ||
      (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
      (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x20D0 && cp <= 0x20FF) ||
      (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0xFEFF) {
    return 0;
  }
  // East Asian Wide / Fullwidth ranges and emoji.
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
      (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
      (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
      (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD)) {
    return 2;
  }
  return 1;
}

bool matches_turtle_number(std::string_view s, std::string_view datatype) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  auto digits = [&] {
    std::size_t n = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++n;
    return n;
  };
  std::size_t int_digits = digits();
  if (datatype == vocab::kXsdInteger) return int_digits > 0 && i == s.size();
  std::size_t frac_digits = 0;
  bool dot = i < s.size() && s[i] == '.';
  if (dot) {
    ++i;
    frac_digits = digits();
  }
  if (datatype == vocab::kXsdDecimal) return dot && frac_digits > 0 && i == s.size();
  if (int_digits + frac_digits == 0 || i >= s.size() || (s[i] != 'e' && s[i] != 'E')) return false;
  ++i;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  return digits() > 0 && i == s.size();
}

// Turtle syntax for a term, with numbers and booleans bare where Turtle allows it.
std::string turtle_term(const rdf::TermView& term, const rdf::PrefixRegistry* prefixes) {
  auto iri = [&](std::string_view value) {
    if (prefixes) {
      if (auto curie = prefixes->abbreviate(value)) return *curie;
    }
    return "<" + rdf::escape_iri(value) + ">";
  };
  switch (term.kind) {
    case rdf::TermKind::Iri:
      return iri(term.value);
    case rdf::TermKind::Blank:
      return "_:" + std::string(term.value);
    case rdf::TermKind::Literal:
      break;
  }
  if (term.datatype == vocab::kXsdInteger || term.datatype == vocab::kXsdDecimal ||
      term.datatype == vocab::kXsdDouble) {
    if (matches_turtle_number(term.value, term.datatype)) return std::string(term.value);
  }
  if (term.datatype == vocab::kXsdBoolean && (term.value == "true" || term.value == "false")) {
    return std::string(term.value);
  }
  std::string out = "\"" + rdf::escape_string_literal(term.value) + "\"";
  if (!term.lang.empty()) {
    out += "@" + std::string(term.lang);
  } else if (!term.datatype.empty()) {
    out += "^^" + iri(term.datatype);
  }
  return out;
}

std::string pad(const std::string& text, std::size_t width) {
  std::size_t w = display_width(text);
  return text + std::string(width > w ? width - w : 0, ' ');
}

void write_table(const Solutions& s, std::ostream& out, const rdf::PrefixRegistry& prefixes) {
  std::size_t columns = s.variables.size();
  std::vector<std::vector<std::string>> cells(s.rows, std::vector<std::string>(columns));
  std::vector<std::size_t> widths(columns);
  for (std::size_t c = 0; c < columns; ++c) widths[c] = display_width("?" + s.variables[c]);
  for (std::size_t r = 0; r < s.rows; ++r) {
    for (std::size_t c = 0; c < columns; ++c) {
      if (auto term = s.cell(r, c)) cells[r][c] = turtle_term(*term, &prefixes);
      widths[c] = std::max(widths[c], display_width(cells[r][c]));
    }
  }
  if (columns > 0) {
    std::string rule = "+";
    for (std::size_t w : widths) rule += std::string(w + 2, '-') + "+";
    out << rule << '\n' << '|';
    for (std::size_t c = 0; c < columns; ++c)
      out << ' ' << pad("?" + s.variables[c], widths[c]) << " |";
    out << '\n' << rule << '\n';
    for (const auto& row : cells) {
      out << '|';
      for (std::size_t c = 0; c < columns; ++c) out << ' ' << pad(row[c], widths[c]) << " |";
      out << '\n';
    }
    out << rule << '\n';
  }
  out << s.rows << (s.rows == 1 ? " row" : " rows") << '\n';
}

void append_csv_field(std::string& out, std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

// https://www.w3.org/TR/sparql11-results-csv-tsv/#csv: values without type information,
// records end in CRLF. Rows are built in a buffer written in large blocks (results can have
// millions of rows).
void write_csv(const Solutions& s, std::ostream& out) {
  std::string buffer;
  constexpr std::size_t kFlushAt = 1 << 20;
  auto flush = [&] {
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    buffer.clear();
  };
  for (std::size_t c = 0; c < s.variables.size(); ++c) {
    if (c) buffer += ',';
    append_csv_field(buffer, s.variables[c]);
  }
  buffer += "\r\n";
  for (std::size_t r = 0; r < s.rows; ++r) {
    for (std::size_t c = 0; c < s.variables.size(); ++c) {
      if (c) buffer += ',';
      auto term = s.cell(r, c);
      if (!term) continue;
      if (term->is_blank()) {
        buffer += "_:";
        buffer += term->value;
      } else {
        append_csv_field(buffer, term->value);
      }
    }
    buffer += "\r\n";
    if (buffer.size() >= kFlushAt) flush();
  }
  flush();
}

// https://www.w3.org/TR/sparql11-results-csv-tsv/#tsv: terms in Turtle syntax, one row per line.
void write_tsv(const Solutions& s, std::ostream& out) {
  for (std::size_t c = 0; c < s.variables.size(); ++c) out << (c ? "\t?" : "?") << s.variables[c];
  out << '\n';
  for (std::size_t r = 0; r < s.rows; ++r) {
    for (std::size_t c = 0; c < s.variables.size(); ++c) {
      if (c) out << '\t';
      if (auto term = s.cell(r, c)) out << turtle_term(*term, nullptr);
    }
    out << '\n';
  }
}

void write_json_term(const rdf::TermView& term, std::ostream& out) {
  using rdf::json_quote;
  switch (term.kind) {
    case rdf::TermKind::Iri:
      out << "{\"type\":\"uri\",\"value\":" << json_quote(term.value) << "}";
      return;
    case rdf::TermKind::Blank:
      out << "{\"type\":\"bnode\",\"value\":" << json_quote(term.value) << "}";
      return;
    case rdf::TermKind::Literal:
      break;
  }
  out << "{\"type\":\"literal\",\"value\":" << json_quote(term.value);
  if (!term.lang.empty()) {
    out << ",\"xml:lang\":" << json_quote(term.lang);
  } else if (!term.datatype.empty()) {
    out << ",\"datatype\":" << json_quote(term.datatype);
  }
  out << "}";
}

void write_json(const Solutions& s, std::ostream& out) {
  using rdf::json_quote;
  out << "{\"head\":{\"vars\":[";
  for (std::size_t c = 0; c < s.variables.size(); ++c)
    out << (c ? "," : "") << json_quote(s.variables[c]);
  out << "]},\n\"results\":{\"bindings\":[";
  for (std::size_t r = 0; r < s.rows; ++r) {
    out << (r ? ",\n" : "\n") << "{";
    bool first = true;
    for (std::size_t c = 0; c < s.variables.size(); ++c) {
      auto term = s.cell(r, c);
      if (!term) continue;
      out << (first ? "" : ",") << json_quote(s.variables[c]) << ":";
      write_json_term(*term, out);
      first = false;
    }
    out << "}";
  }
  out << "\n]}}\n";
}

// Escapes markup characters; CR and the other control characters become character references
// (a raw CR would be normalised away by XML readers).
std::string xml_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') {
          char buf[8];
          std::snprintf(buf, sizeof buf, "&#x%X;", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out;
}

constexpr std::string_view kXmlHeader =
    "<?xml version=\"1.0\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n";

void write_xml(const Solutions& s, std::ostream& out) {
  out << kXmlHeader << "  <head>\n";
  for (const auto& v : s.variables) out << "    <variable name=\"" << xml_escape(v) << "\"/>\n";
  out << "  </head>\n  <results>\n";
  for (std::size_t r = 0; r < s.rows; ++r) {
    out << "    <result>\n";
    for (std::size_t c = 0; c < s.variables.size(); ++c) {
      auto term = s.cell(r, c);
      if (!term) continue;
      out << "      <binding name=\"" << xml_escape(s.variables[c]) << "\">";
      switch (term->kind) {
        case rdf::TermKind::Iri:
          out << "<uri>" << xml_escape(term->value) << "</uri>";
          break;
        case rdf::TermKind::Blank:
          out << "<bnode>" << xml_escape(term->value) << "</bnode>";
          break;
        case rdf::TermKind::Literal:
          out << "<literal";
          if (!term->lang.empty()) {
            out << " xml:lang=\"" << xml_escape(term->lang) << "\"";
          } else if (!term->datatype.empty()) {
            out << " datatype=\"" << xml_escape(term->datatype) << "\"";
          }
          out << ">" << xml_escape(term->value) << "</literal>";
          break;
      }
      out << "</binding>\n";
    }
    out << "    </result>\n";
  }
  out << "  </results>\n</sparql>\n";
}

void write_boolean(bool value, ResultFormat format, std::ostream& out) {
  const char* text = value ? "true" : "false";
  switch (format) {
    case ResultFormat::Table:
      out << text << '\n';
      return;
    case ResultFormat::Csv:
      out << "_askResult\r\n" << text << "\r\n";
      return;
    case ResultFormat::Tsv:
      out << "?_askResult\n" << text << '\n';
      return;
    case ResultFormat::Json:
      out << "{\"head\":{},\"boolean\":" << text << "}\n";
      return;
    case ResultFormat::Xml:
      out << kXmlHeader << "  <head/>\n  <boolean>" << text << "</boolean>\n</sparql>\n";
      return;
    default:
      return;
  }
}

void write_solutions(const Solutions& s, ResultFormat format, std::ostream& out,
                     const ResultWriteOptions& options) {
  switch (format) {
    case ResultFormat::Table:
      write_table(s, out, options.prefixes);
      return;
    case ResultFormat::Csv:
      write_csv(s, out);
      return;
    case ResultFormat::Tsv:
      write_tsv(s, out);
      return;
    case ResultFormat::Json:
      write_json(s, out);
      return;
    case ResultFormat::Xml:
      write_xml(s, out);
      return;
    default:
      return;
  }
}

void check_fits(ResultFormat format, ResultKind kind) {
  if (result_format_fits(format, kind)) return;
  std::string what = kind == ResultKind::Graph     ? "a graph (CONSTRUCT/DESCRIBE)"
                     : kind == ResultKind::Boolean ? "a boolean (ASK)"
                                                   : "solutions (SELECT)";
  std::string fits =
      kind == ResultKind::Graph ? "turtle, ntriples or nquads" : "table, csv, tsv, json or xml";
  throw ResultFormatError("the result is " + what + ", which cannot be written as " +
                          std::string(result_format_name(format)) + "; use " + fits);
}

}  // namespace

std::optional<ResultFormat> result_format_from_name(std::string_view name) {
  for (const auto& f : kFormatNames) {
    if (f.name == name) return f.format;
  }
  return std::nullopt;
}

std::string_view result_format_name(ResultFormat format) {
  for (const auto& f : kFormatNames) {
    if (f.format == format) return f.name;
  }
  return "?";
}

std::string_view result_format_names() { return "table|csv|tsv|json|xml|turtle|ntriples|nquads"; }

bool result_format_fits(ResultFormat format, ResultKind kind) {
  bool rdf_format = format == ResultFormat::Turtle || format == ResultFormat::NTriples ||
                    format == ResultFormat::NQuads;
  return rdf_format == (kind == ResultKind::Graph);
}

ResultFormat default_result_format(ResultKind kind) {
  return kind == ResultKind::Graph ? ResultFormat::Turtle : ResultFormat::Table;
}

std::size_t display_width(std::string_view utf8) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    width += static_cast<std::size_t>(code_point_width(next_code_point(utf8, i)));
  }
  return width;
}

void write_result(const QueryResult& result, ResultFormat format, std::ostream& out,
                  const ResultWriteOptions& options) {
  check_fits(format, result.kind);
  switch (result.kind) {
    case ResultKind::Boolean:
      write_boolean(result.boolean, format, out);
      return;
    case ResultKind::Solutions: {
      Solutions s{result.variables, result.rows.size(),
                  [&](std::size_t r, std::size_t c) -> std::optional<rdf::TermView> {
                    const auto& row = result.rows[r];
                    if (c >= row.size() || row[c] == nullptr) return std::nullopt;
                    return store::World::view(row[c]);
                  }};
      write_solutions(s, format, out, options);
      return;
    }
    case ResultKind::Graph: {
      if (!result.graph) return;
      store::WriteOptions write_options;
      write_options.prefixes = options.prefixes;
      store::Format f = format == ResultFormat::Turtle     ? store::Format::Turtle
                        : format == ResultFormat::NTriples ? store::Format::NTriples
                                                           : store::Format::NQuads;
      store::write(*result.graph, f, out, write_options);
      return;
    }
  }
}

void write_result(const ResultSet& result, ResultFormat format, std::ostream& out,
                  const ResultWriteOptions& options) {
  check_fits(format, result.kind);
  switch (result.kind) {
    case ResultKind::Boolean:
      write_boolean(result.boolean, format, out);
      return;
    case ResultKind::Solutions: {
      Solutions s{result.variables, result.rows.size(),
                  [&](std::size_t r, std::size_t c) -> std::optional<rdf::TermView> {
                    const auto& row = result.rows[r];
                    if (c >= row.size() || !row[c]) return std::nullopt;
                    return row[c]->view();
                  }};
      write_solutions(s, format, out, options);
      return;
    }
    case ResultKind::Graph:
      for (const auto& t : result.triples) {
        out << rdf::to_nquads(rdf::Quad{t.subject, t.predicate, t.object, std::nullopt}) << '\n';
      }
      return;
  }
}

}  // namespace ng::sparql
