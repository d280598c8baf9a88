// Internal to src/store/: what the loader (reader.cpp) and the statement stream
// (statement_stream.cpp) share in driving Serd.
#pragma once

#include <serd/serd.h>

#include <cstdarg>
#include <cstdio>
#include <optional>
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

// Where Serd stops in a document it rejects without calling the error sink (a stray `}` at the
// top level of Turtle/TriG only returns SERD_ERR_BAD_SYNTAX, "Invalid syntax"): the document is
// read again, one byte per read and with no sinks, and the position (0-based line, column in code
// points) of the last byte Serd consumed is returned with "unexpected `c'" / "unexpected end of
// file". `next_byte()` returns the next byte (0-255) or -1 at the end. nullopt if the document
// parses. Only for the error path: one call per byte.
struct SerdStop {
  SourcePos pos;
  std::string message;
};

template <class NextByte>
std::optional<SerdStop> locate_serd_failure(Format format, NextByte next_byte) {
  struct Counter {
    NextByte* next;
    unsigned long line = 0, column = 0;  // of the next byte
    SourcePos last_pos;
    int last = -1;
    static size_t read(void* buf, size_t, size_t, void* handle) {
      auto* self = static_cast<Counter*>(handle);
      const int b = (*self->next)();
      if (b < 0) {
        self->last = -1;
        self->last_pos = {self->line, self->column};
        return 0;
      }
      self->last = b;
      self->last_pos = {self->line, self->column};
      if (b == '\n') {
        ++self->line;
        self->column = 0;
      } else if ((b & 0xC0) != 0x80) {
        ++self->column;
      }
      *static_cast<unsigned char*>(buf) = static_cast<unsigned char>(b);
      return 1;
    }
    static int error(void*) { return 0; }
  };
  Counter counter{&next_byte, 0, 0, {}, -1};
  SerdReader* reader =
      serd_reader_new(serd_syntax(format), nullptr, nullptr, nullptr, nullptr, nullptr, nullptr);
  serd_reader_set_error_sink(
      reader, [](void*, const SerdError*) { return SERD_SUCCESS; }, nullptr);
  const SerdStatus st = serd_reader_read_source(reader, Counter::read, Counter::error, &counter,
                                                reinterpret_cast<const uint8_t*>(""), 1);
  serd_reader_free(reader);
  if (st <= SERD_FAILURE) return std::nullopt;
  std::string message;
  if (counter.last < 0) {
    message = "unexpected end of file";
  } else if (counter.last >= 0x21 && counter.last < 0x7F) {
    message = std::string("unexpected `") + static_cast<char>(counter.last) + "'";
  } else {
    char hex[16];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(counter.last));
    message = std::string("unexpected byte ") + hex;
  }
  return SerdStop{counter.last_pos, message};
}

}  // namespace ng::store::detail
