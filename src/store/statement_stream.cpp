#include "store/statement_stream.hpp"

#include <serd/serd.h>
#include <zlib.h>

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "rdf/iri.hpp"
#include "rdf/vocab.hpp"
#include "store/gz_source.hpp"
#include "store/serd_util.hpp"

namespace ng::store {
namespace {

std::string_view str(const SerdNode* node) {
  return {reinterpret_cast<const char*>(node->buf), node->n_bytes};
}

std::string_view chunk(const SerdChunk& c) { return {reinterpret_cast<const char*>(c.buf), c.len}; }

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Where the token `needle` first starts in the file at `path` (after a space, a line start or
// one of ";,([{^"), for the errors of our own statement sink, which Serd reports without a
// position. Reads the file again, line by line (memory bounded by the longest line), only after
// such an error; {0, 0} when not found. Columns in code points, as the loader's find_position.
SourcePos find_token_in_file(const std::string& path, std::string_view needle) {
  if (needle.empty()) return {};
  gzFile file = gzopen(path.c_str(), "rb");
  if (!file) return {};
  std::unique_ptr<gzFile_s, decltype(&gzclose)> closer(file, &gzclose);
  std::string line;
  unsigned long line_no = 0;
  auto search = [&]() -> std::optional<SourcePos> {
    for (std::size_t i = 0; i < line.size(); ++i) {
      const bool boundary = i == 0 || std::strchr(" \t\r;,([{^", line[i - 1]) != nullptr;
      if (boundary && std::string_view(line).substr(i, needle.size()) == needle) {
        unsigned long column = 0;
        for (std::size_t j = 0; j < i; ++j) {
          if ((static_cast<unsigned char>(line[j]) & 0xC0) != 0x80) ++column;
        }
        return SourcePos{line_no, column};
      }
    }
    return std::nullopt;
  };
  char buf[1 << 16];
  int n;
  while ((n = gzread(file, buf, sizeof buf)) > 0) {
    for (int i = 0; i < n; ++i) {
      if (buf[i] != '\n') {
        line.push_back(buf[i]);
        continue;
      }
      if (auto pos = search()) return *pos;
      line.clear();
      ++line_no;
    }
  }
  if (auto pos = search()) return *pos;
  return {};
}

// detail::locate_serd_failure over the file at `path`, read again (only after such an error).
std::optional<detail::SerdStop> locate_in_file(const std::string& path, Format format) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (!file) return std::nullopt;
  std::unique_ptr<gzFile_s, decltype(&gzclose)> closer(file, &gzclose);
  gzbuffer(file, 1 << 17);
  return detail::locate_serd_failure(format, [file]() -> int { return gzgetc(file); });
}

class Streamer {
 public:
  Streamer(const std::function<void(const StreamedQuad&)>& on_quad, std::string name)
      : on_quad_(on_quad), name_(std::move(name)) {}
  ~Streamer() {
    if (env_) serd_env_free(env_);
  }

  std::size_t run(detail::GzSource& source, Format format, const std::string& base_iri) {
    base_ = base_iri;
    SerdNode base =
        serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>(base_.c_str()));
    env_ = serd_env_new(base_.empty() ? nullptr : &base);
    std::unique_ptr<SerdReader, decltype(&serd_reader_free)> reader(
        serd_reader_new(detail::serd_syntax(format), this, nullptr, on_base, on_prefix,
                        on_statement, nullptr),
        &serd_reader_free);
    serd_reader_set_error_sink(reader.get(), on_error, this);
    static unsigned long documents = 0;
    blank_prefix_ = "x" + std::to_string(++documents) + "_";
    serd_reader_add_blank_prefix(reader.get(),
                                 reinterpret_cast<const uint8_t*>(blank_prefix_.c_str()));
    const SerdStatus st =
        serd_reader_read_source(reader.get(), detail::GzSource::read, detail::GzSource::error,
                                &source, reinterpret_cast<const uint8_t*>(name_.c_str()), 1 << 16);
    if (pending_) std::rethrow_exception(pending_);
    // A NUL byte ends the input early: an error, never a silently shortened document.
    if (source.nul) {
      throw RdfSyntaxError(name_, source.nul_pos,
                           "NUL character in input (binary file?): the store cannot hold U+0000");
    }
    if (source.io_error) throw std::runtime_error(name_ + ": read error: " + source.io_message);
    if (failed_ || st > SERD_FAILURE) {
      if (!failed_) {
        message_ = reinterpret_cast<const char*>(serd_strerror(st));
        // Serd said neither where nor what (a stray `}`): find where it stops.
        if (auto stop = locate_in_file(name_, format)) {
          pos_ = stop->pos;
          message_ = stop->message;
        }
      }
      if (!token_.empty()) pos_ = find_token_in_file(name_, token_);
      throw RdfSyntaxError(name_, pos_, message_);
    }
    return count_;
  }

 private:
  static SerdStatus on_base(void* handle, const SerdNode* uri) {
    auto* self = static_cast<Streamer*>(handle);
    self->base_ = rdf::resolve_iri(self->base_, str(uri));
    SerdNode base =
        serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>(self->base_.c_str()));
    return serd_env_set_base_uri(self->env_, &base);
  }

  static SerdStatus on_prefix(void* handle, const SerdNode* name, const SerdNode* uri) {
    auto* self = static_cast<Streamer*>(handle);
    const std::string ns = rdf::resolve_iri(self->base_, str(uri));
    const std::string prefix(str(name));
    return serd_env_set_prefix_from_strings(self->env_,
                                            reinterpret_cast<const uint8_t*>(prefix.c_str()),
                                            reinterpret_cast<const uint8_t*>(ns.c_str()));
  }

  static SerdStatus on_error(void* handle, const SerdError* error) {
    auto* self = static_cast<Streamer*>(handle);
    if (self->failed_) return SERD_SUCCESS;  // keep the first error
    std::string msg = detail::serd_error_text(*error, self->pos_);
    self->message_ = std::move(msg);
    self->failed_ = true;
    return SERD_SUCCESS;
  }

  // An error of our own (not Serd's); `token` is the offending text as written, to find its
  // position afterwards.
  void fail(std::string message, std::string token) {
    if (failed_) return;
    failed_ = true;
    message_ = std::move(message);
    token_ = std::move(token);
  }

  // Writes the absolute IRI of `node` into `out` (or points `view` at the node when it already
  // is one). Returns false after recording an error.
  bool iri(const SerdNode* node, std::string& out, std::string_view& view) {
    if (node->type == SERD_URI) {
      if (rdf::has_scheme(str(node))) {
        view = str(node);
        return true;
      }
      // Relative references repeat (a subject in every statement about it): resolve each once.
      auto cached = resolved_.find(str(node));
      if (cached != resolved_.end()) {
        view = cached->second;
        return true;
      }
      out = rdf::resolve_iri(base_, str(node));
      if (!rdf::has_scheme(out)) {
        fail("relative IRI <" + std::string(str(node)) + "> with no base IRI",
             "<" + std::string(str(node)));
        return false;
      }
      // Never cleared while a statement is read (its views may point into the cache): when full,
      // further IRIs are just not cached.
      if (resolved_.size() < 200000) {
        auto [it, inserted] = resolved_.emplace(std::string(str(node)), out);
        view = it->second;
      } else {
        view = out;
      }
      return true;
    }
    SerdChunk prefix{nullptr, 0}, suffix{nullptr, 0};
    if (serd_env_expand(env_, node, &prefix, &suffix) != SERD_SUCCESS) {
      fail("undefined prefix in " + std::string(str(node)), std::string(str(node)));
      return false;
    }
    out.assign(chunk(prefix));
    out.append(chunk(suffix));
    view = out;
    return true;
  }

  bool term(const SerdNode* node, const SerdNode* datatype, const SerdNode* lang, int slot,
            rdf::TermView& t) {
    t = {};
    switch (node->type) {
      case SERD_URI:
      case SERD_CURIE:
        t.kind = rdf::TermKind::Iri;
        return iri(node, buffers_[slot], t.value);
      case SERD_BLANK:
        if (str(node).ends_with('.')) {
          // Serd 0.30 reads the invalid `_:o..` as the label "o." (see reader.cpp).
          const std::string label(str(node).substr(blank_prefix_.size()));
          fail("blank node label _:" + label + " ends with '.' (expected a name character)",
               "_:" + label);
          return false;
        }
        t.kind = rdf::TermKind::Blank;
        t.value = str(node);
        return true;
      case SERD_LITERAL: {
        t.kind = rdf::TermKind::Literal;
        t.value = str(node);
        if (lang && lang->n_bytes > 0) {
          lang_ = rdf::lowercase_ascii(str(lang));
          t.lang = lang_;
          return true;
        }
        if (datatype) {
          if (!iri(datatype, datatype_buffer_, t.datatype)) return false;
          if (t.datatype == vocab::kXsdString) t.datatype = {};
        }
        return true;
      }
      default:
        fail("unexpected node " + std::string(str(node)), std::string(str(node)));
        return false;
    }
  }

  static SerdStatus on_statement(void* handle, SerdStatementFlags, const SerdNode* graph,
                                 const SerdNode* subject, const SerdNode* predicate,
                                 const SerdNode* object, const SerdNode* object_datatype,
                                 const SerdNode* object_lang) {
    auto* self = static_cast<Streamer*>(handle);
    StreamedQuad q;
    if (!self->term(subject, nullptr, nullptr, 0, q.subject) ||
        !self->term(predicate, nullptr, nullptr, 1, q.predicate) ||
        !self->term(object, object_datatype, object_lang, 2, q.object)) {
      return SERD_ERR_BAD_CURIE;
    }
    if (graph && graph->type != SERD_NOTHING) {
      rdf::TermView g;
      if (!self->term(graph, nullptr, nullptr, 3, g)) return SERD_ERR_BAD_CURIE;
      q.graph = g;
    }
    ++self->count_;
    try {
      self->on_quad_(q);
    } catch (...) {
      self->pending_ = std::current_exception();
      return SERD_ERR_INTERNAL;
    }
    return SERD_SUCCESS;
  }

  const std::function<void(const StreamedQuad&)>& on_quad_;
  std::string name_;
  SerdEnv* env_ = nullptr;
  std::string base_;
  std::string blank_prefix_;  // Serd prepends it to every blank node label of the document
  std::string buffers_[4];
  // Relative IRI -> absolute, for the current base.
  std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> resolved_;
  std::string datatype_buffer_;
  std::string lang_;
  std::size_t count_ = 0;
  bool failed_ = false;
  std::string message_;
  std::string token_;  // set by fail(): the position is looked up afterwards
  SourcePos pos_;
  std::exception_ptr pending_;
};

}  // namespace

std::size_t stream_file(const std::string& path,
                        const std::function<void(const StreamedQuad&)>& on_quad,
                        const StreamOptions& options) {
  const std::optional<Format> format = options.format ? options.format : format_from_path(path);
  if (!format) {
    throw std::runtime_error(path +
                             ": unknown RDF format (use .ttl, .trig, .nt, .nq, optionally .gz)");
  }
  detail::GzSource source;
  source.file = gzopen(path.c_str(), "rb");
  if (!source.file) throw std::runtime_error(path + ": cannot open: " + std::strerror(errno));
  std::unique_ptr<gzFile_s, decltype(&gzclose)> closer(source.file, &gzclose);
  gzbuffer(source.file, 1 << 17);
  Streamer streamer(on_quad, path);
  const std::string base = options.base_iri.empty() ? file_iri(path) : options.base_iri;
  return streamer.run(source, *format, base);
}

}  // namespace ng::store
