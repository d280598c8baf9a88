// Internal to src/store/: zlib as a Serd byte source, shared by the loader and the statement
// stream. Plain files pass through gzread unchanged.
#pragma once

#include <zlib.h>

#include <cstddef>
#include <cstring>
#include <string>

#include "store/rdf_io.hpp"

namespace ng::store::detail {

// zlib as a Serd byte source (plain files pass through gzread unchanged). A NUL byte ends the
// input early and is reported after the read: Serd would take it for the end of the document.
struct GzSource {
  gzFile file = nullptr;
  std::size_t lines = 0;       // newlines before the current page
  std::size_t line_start = 0;  // byte offset of the current line's start
  std::size_t offset = 0;      // bytes delivered so far
  bool nul = false;
  SourcePos nul_pos;
  bool io_error = false;
  std::string io_message;

  static std::size_t read(void* buf, std::size_t size, std::size_t nmemb, void* stream) {
    auto* self = static_cast<GzSource*>(stream);
    if (self->nul || self->io_error) return 0;
    int n = gzread(self->file, buf, static_cast<unsigned>(size * nmemb));
    if (n < 0) {
      int err = 0;
      const char* msg = gzerror(self->file, &err);
      self->io_error = true;
      self->io_message = msg ? msg : "read error";
      return 0;
    }
    auto* bytes = static_cast<const char*>(buf);
    auto len = static_cast<std::size_t>(n);
    const void* zero = std::memchr(bytes, 0, len);
    std::size_t usable =
        zero ? static_cast<std::size_t>(static_cast<const char*>(zero) - bytes) : len;
    // Count lines with memchr (vectorised), not byte by byte: bulk loads read every page here.
    for (const char* p = bytes; p < bytes + usable;) {
      const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(bytes + usable - p));
      if (!nl) break;
      p = static_cast<const char*>(nl) + 1;
      ++self->lines;
      self->line_start = self->offset + static_cast<std::size_t>(p - bytes);
    }
    if (zero) {
      self->nul = true;
      self->nul_pos = {self->lines, self->offset + usable - self->line_start};
    }
    self->offset += usable;
    return usable;
  }

  static int error(void* stream) {
    auto* self = static_cast<GzSource*>(stream);
    return self->io_error ? 1 : 0;
  }
};

}  // namespace ng::store::detail
