// Serialising query results: SELECT/ASK as a text table, CSV, TSV, SPARQL JSON or XML;
// CONSTRUCT/DESCRIBE as Turtle, N-Triples or N-Quads.
//   SPARQL 1.1 Query Results CSV and TSV Formats  https://www.w3.org/TR/sparql11-results-csv-tsv/
//   SPARQL 1.1 Query Results JSON Format          https://www.w3.org/TR/sparql11-results-json/
//   SPARQL Query Results XML Format               https://www.w3.org/TR/rdf-sparql-XMLres/
#pragma once

#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "rdf/prefixes.hpp"
#include "sparql/eval/query_result.hpp"
#include "sparql/results/result_set.hpp"

namespace ng::sparql {

enum class ResultFormat { Table, Csv, Tsv, Json, Xml, Turtle, NTriples, NQuads };

// "table", "csv", "tsv", "json", "xml", "turtle" (or "ttl"), "ntriples" (or "nt"),
// "nquads" (or "nq"); nullopt for anything else.
std::optional<ResultFormat> result_format_from_name(std::string_view name);
std::string_view result_format_name(ResultFormat format);
// The names accepted by result_format_from_name, for help texts: "table|csv|...".
std::string_view result_format_names();
// Whether `format` can represent a result of `kind`: the tabular formats take solutions and
// booleans, the RDF formats take graphs.
bool result_format_fits(ResultFormat format, ResultKind kind);
// Table for solutions and booleans, Turtle for graphs.
ResultFormat default_result_format(ResultKind kind);

// Thrown by write_result when the format does not fit the result kind.
class ResultFormatError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ResultWriteOptions {
  // Used to abbreviate IRIs in the text table and in Turtle output.
  rdf::PrefixRegistry prefixes = rdf::PrefixRegistry::common();
};

// Writes `result` in `format`. Throws ResultFormatError if the format does not fit the result
// kind (e.g. a CONSTRUCT result as CSV); nothing is written then. Booleans in CSV/TSV are written
// as a one-column table `_askResult` (as Jena does); in the text table as "true"/"false".
void write_result(const QueryResult& result, ResultFormat format, std::ostream& out,
                  const ResultWriteOptions& options = {});
// The same for the neutral model; graphs are written as N-Triples lines in every RDF format.
void write_result(const ResultSet& result, ResultFormat format, std::ostream& out,
                  const ResultWriteOptions& options = {});

// Display width of UTF-8 text in terminal columns: combining marks count 0, East Asian wide and
// fullwidth characters (and most emoji) count 2, everything else 1.
std::size_t display_width(std::string_view utf8);

}  // namespace ng::sparql
