// Internal to src/store/: what the loader (reader.cpp) and the statement stream
// (statement_stream.cpp) share in driving Serd.
#pragma once

#include <serd/serd.h>

#include <cstdarg>
#include <cstdio>
#include <string>

#include "store/rdf_io.hpp"

namespace ng::store::detail {

inline SerdSyntax serd_syntax(Format format) {
  switch (format) {
    case Format::Turtle:
      return SERD_TURTLE;
    case Format::TriG:
      return SERD_TRIG;
    case Format::NTriples:
      return SERD_NTRIPLES;
    case Format::NQuads:
      return SERD_NQUADS;
  }
  return SERD_TURTLE;
}

// The message of a Serd error (its printf format applied, trailing newline removed), and its
// position as 0-based line and 0-based *byte* column: Serd's column is 1-based on the first line
// and 0-based after it.
inline std::string serd_error_text(const SerdError& error, SourcePos& byte_pos) {
  va_list args;
  va_copy(args, *error.args);
  char buf[1024];
  std::vsnprintf(buf, sizeof buf, error.fmt, args);
  va_end(args);
  std::string msg(buf);
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == '\r')) msg.pop_back();
  byte_pos.line = error.line > 0 ? error.line - 1 : 0;
  byte_pos.column = error.col;
  if (error.line <= 1 && byte_pos.column > 0) --byte_pos.column;
  return msg;
}

}  // namespace ng::store::detail
