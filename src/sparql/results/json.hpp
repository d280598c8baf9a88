// A small JSON reader for SPARQL JSON results (the writer quotes with rdf::json_quote). Internal to
// src/sparql/results/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ng::sparql::detail {

struct JsonMember;

struct JsonValue {
  enum class Type { Null, Boolean, Number, String, Array, Object };
  Type type = Type::Null;
  bool boolean = false;
  std::string text;  // strings (decoded) and numbers (as written)
  std::vector<JsonValue> array;
  // Members in document order. Not a std::pair<std::string, JsonValue>: a pair of the type being
  // defined is not allowed by the standard (libstdc++ with clang rejects it); std::vector of an
  // incomplete type is (C++17).
  std::vector<JsonMember> object;

  // The member named `key` of an object, or nullptr.
  const JsonValue* get(std::string_view key) const;
};

// One member of a JSON object; `first`/`second` as in the std::pair it replaces.
struct JsonMember {
  std::string first;
  JsonValue second;
};

// Parses one JSON document. Throws ResultsParseError ("line L: ...").
JsonValue parse_json(std::string_view text);

}  // namespace ng::sparql::detail
