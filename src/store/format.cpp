#include <filesystem>

#include "store/rdf_io.hpp"

namespace ng::store {

std::optional<Format> format_from_name(std::string_view name) {
  if (name == "turtle" || name == "ttl") return Format::Turtle;
  if (name == "trig") return Format::TriG;
  if (name == "ntriples" || name == "nt" || name == "n-triples") return Format::NTriples;
  if (name == "nquads" || name == "nq" || name == "n-quads") return Format::NQuads;
  return std::nullopt;
}

std::optional<Format> format_from_path(std::string_view path) {
  if (path.ends_with(".gz")) path.remove_suffix(3);
  auto dot = path.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  auto ext = path.substr(dot + 1);
  if (ext == "ttl" || ext == "turtle") return Format::Turtle;
  if (ext == "trig") return Format::TriG;
  if (ext == "nt") return Format::NTriples;
  if (ext == "nq") return Format::NQuads;
  return std::nullopt;
}

std::string_view format_name(Format format) {
  switch (format) {
    case Format::Turtle:
      return "turtle";
    case Format::TriG:
      return "trig";
    case Format::NTriples:
      return "ntriples";
    case Format::NQuads:
      return "nquads";
  }
  return "?";
}

bool format_has_graphs(Format format) { return format == Format::TriG || format == Format::NQuads; }

std::string file_iri(const std::string& path) {
  std::string abs = std::filesystem::absolute(path).lexically_normal().string();
  std::string out = "file://";
  // Percent-encode what cannot appear in an IRI path.
  static const char* hex = "0123456789ABCDEF";
  for (unsigned char c : abs) {
    if (c <= 0x20 || c == '%' || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' ||
        c == '|' || c == '\\' || c == '^' || c == '`' || c == '#' || c == '?') {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

RdfSyntaxError::RdfSyntaxError(std::string file, SourcePos pos, std::string message)
    : std::runtime_error(file + ":" + std::to_string(pos.line + 1) + ":" +
                         std::to_string(pos.column + 1) + ": " + message),
      file_(std::move(file)),
      pos_(pos),
      message_(std::move(message)) {}

}  // namespace ng::store
