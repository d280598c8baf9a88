// Serd -> Store. We use our own statement sink rather than Sord's inserter so that a load can be
// rolled back, terms are normalised before interning, and errors carry positions.
#include <serd/serd.h>
#include <zlib.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rdf/iri.hpp"
#include "store/gz_source.hpp"
#include "store/ntriples_lines.hpp"
#include "store/rdf_io.hpp"
#include "store/recent_nodes.hpp"
#include "store/serd_util.hpp"

namespace ng::store {
namespace {

std::string_view str(const SerdNode* node) {
  return {reinterpret_cast<const char*>(node->buf), node->n_bytes};
}

// Column in code points of byte offset `byte_col` (1-based in Serd) within `line` of `text`.
SourcePos position_in(std::string_view text, unsigned long line0, unsigned long byte_col0) {
  std::size_t start = 0;
  for (unsigned long l = 0; l < line0 && start < text.size(); ++l) {
    auto nl = text.find('\n', start);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  unsigned long col = 0;
  for (std::size_t i = start; i < text.size() && i < start + byte_col0; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
  }
  return {line0, col};
}

// The first place `needle` occurs as a token start in `text` (outside IRIs, strings and
// comments, approximately), for errors Serd reports without a position.
SourcePos find_position(std::string_view text, std::string_view needle) {
  unsigned long line = 0;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      ++line;
      line_start = i + 1;
      continue;
    }
    bool boundary = i == 0 || std::strchr(" \t\r\n;,([{^", text[i - 1]) != nullptr;
    if (boundary && text.substr(i, needle.size()) == needle) {
      return position_in(text, line, i - line_start);
    }
  }
  return {0, 0};
}

std::string read_whole_file(const std::string& path);

// N-Triples and N-Quads put one statement on a line: they load line by line (Loader::read_lines).
bool line_based(Format format) { return format == Format::NTriples || format == Format::NQuads; }

class Loader {
 public:
  Loader(Store& store, const LoadOptions& options, std::string name)
      : store_(store), world_(store.world()), options_(options), name_(std::move(name)) {}

  ~Loader() {
    if (env_) serd_env_free(env_);
  }

  LoadStats run(Format format, const std::string& base_iri,
                const std::function<SerdStatus(SerdReader*)>& read) {
    base_ = base_iri;
    SerdNode base =
        serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>(base_iri.c_str()));
    env_ = serd_env_new(base_iri.empty() ? nullptr : &base);
    std::unique_ptr<SerdReader, decltype(&serd_reader_free)> reader(
        serd_reader_new(detail::serd_syntax(format), this, nullptr, on_base, on_prefix,
                        on_statement, nullptr),
        &serd_reader_free);
    serd_reader_set_error_sink(reader.get(), on_error, this);
    // A fresh prefix per document keeps `_:b0` of two files apart.
    blank_prefix_ = world_.fresh_blank_label() + "_";
    serd_reader_add_blank_prefix(reader.get(),
                                 reinterpret_cast<const uint8_t*>(blank_prefix_.c_str()));

    mark_ = store_.mark();
    std::size_t size_before = store_.size();
    SerdStatus st = SERD_SUCCESS;
    try {
      st = read(reader.get());
    } catch (...) {
      rollback();
      throw;
    }
    if (st > SERD_FAILURE || failed_) {
      rollback();
      if (!failed_) {
        error_message_ = reinterpret_cast<const char*>(serd_strerror(st));
        // Serd said neither where nor what (a stray `}`): find where it stops.
        const std::string_view t = text();
        std::size_t i = 0;
        if (auto stop = detail::locate_serd_failure(format, [&]() -> int {
              return i < t.size() ? static_cast<unsigned char>(t[i++]) : -1;
            })) {
          error_pos_ = stop->pos;
          error_message_ = stop->message;
        }
        failed_ = true;
      }
      throw RdfSyntaxError(name_, error_pos_, error_message_);
    }
    stats_.added = store_.size() - size_before;  // merges: duplicates are dropped here
    return stats_;
  }

  // N-Triples and N-Quads, line by line: with `fast`, plain lines through the fast path
  // (ntriples_lines.hpp); any other line through Serd on its own. `fill` writes up to `n` bytes
  // and returns how many, 0 at the end of the input.
  SerdStatus read_lines(SerdReader* reader, bool quads, bool fast,
                        const std::function<std::size_t(char*, std::size_t)>& fill) {
    std::vector<char> buf(std::size_t{1} << 20);
    std::size_t have = 0;
    std::size_t line_no = 0;  // 0-based, of the next line
    detail::LineTerms terms;
    std::string serd_line;
    // `raw` is the line with its terminator, if it has one: Serd gets exactly the bytes it
    // would have read in the whole document, so its errors are the same.
    auto one_line = [&](std::string_view raw) -> SerdStatus {
      std::string_view line = raw;
      if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      const std::size_t this_line = line_no++;
      const detail::LineKind kind = fast
                                        ? detail::scan_plain_line(line, quads, blank_prefix_, terms)
                                        : detail::LineKind::Declined;
      switch (kind) {
        case detail::LineKind::Empty:
          return SERD_SUCCESS;
        case detail::LineKind::Statement:
          return on_statement(this, 0, terms.graph.type == SERD_NOTHING ? nullptr : &terms.graph,
                              &terms.subject, &terms.predicate, &terms.object,
                              terms.datatype.type == SERD_NOTHING ? nullptr : &terms.datatype,
                              terms.lang.type == SERD_NOTHING ? nullptr : &terms.lang);
        case detail::LineKind::Declined:
          break;
      }
      serd_line.assign(raw);
      line_offset_ = this_line;
      const std::size_t statements = stats_.statements;
      const SerdStatus st =
          serd_reader_read_string(reader, reinterpret_cast<const uint8_t*>(serd_line.c_str()));
      line_offset_ = 0;
      if (st > SERD_FAILURE || failed_) return st;  // run() finds a position Serd did not give
      // Serd 0.30 stops quietly at some lines that start no statement ("ple/p> ..." in N-Quads):
      // a line with text that gave no statement is an error, not an empty document.
      // (A byte order mark may stand alone on the first line.)
      const std::string_view bom = "\xEF\xBB\xBF";
      const std::size_t first =
          line.find_first_not_of(" \t", this_line == 0 && line.starts_with(bom) ? bom.size() : 0);
      if (stats_.statements == statements && first != std::string_view::npos &&
          line[first] != '#') {
        failed_ = true;
        error_message_ = std::string("not an ") + (quads ? "N-Quads" : "N-Triples") +
                         " statement (expected a subject: <IRI> or _:label)";
        error_pos_ =
            text().empty() ? SourcePos{this_line, first} : position_in(text(), this_line, first);
        return SERD_ERR_BAD_SYNTAX;
      }
      return SERD_SUCCESS;
    };
    for (;;) {
      if (have == buf.size()) buf.resize(buf.size() * 2);  // a line longer than the buffer
      const std::size_t got = fill(buf.data() + have, buf.size() - have);
      have += got;
      std::size_t start = 0;
      while (start < have) {
        const void* nl = std::memchr(buf.data() + start, '\n', have - start);
        if (!nl) break;
        const auto end = static_cast<std::size_t>(static_cast<const char*>(nl) - buf.data());
        const SerdStatus st = one_line(std::string_view(buf.data() + start, end + 1 - start));
        if (st > SERD_FAILURE || failed_) return st > SERD_FAILURE ? st : SERD_ERR_BAD_SYNTAX;
        start = end + 1;
      }
      if (got == 0) {
        if (start < have) {
          const SerdStatus st = one_line(std::string_view(buf.data() + start, have - start));
          if (st > SERD_FAILURE || failed_) return st > SERD_FAILURE ? st : SERD_ERR_BAD_SYNTAX;
        }
        return SERD_SUCCESS;
      }
      std::memmove(buf.data(), buf.data() + start, have - start);
      have -= start;
    }
  }

  // The document text, to turn errors into positions: set for in-memory loads; for streamed files
  // read again from `path_` only when an error needs it.
  std::string_view text_;
  std::string path_;

 private:
  std::string_view text();

  static SerdStatus on_base(void* handle, const SerdNode* uri) {
    auto* self = static_cast<Loader*>(handle);
    // Our own RFC 3986 resolver: Serd 0.30 gets some of the spec's edge cases wrong.
    self->base_ = rdf::resolve_iri(self->base_, str(uri));
    SerdNode base =
        serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>(self->base_.c_str()));
    return serd_env_set_base_uri(self->env_, &base);
  }

  static SerdStatus on_prefix(void* handle, const SerdNode* name, const SerdNode* uri) {
    auto* self = static_cast<Loader*>(handle);
    std::string ns = rdf::resolve_iri(self->base_, str(uri));
    std::string prefix(str(name));
    SerdStatus st = serd_env_set_prefix_from_strings(
        self->env_, reinterpret_cast<const uint8_t*>(prefix.c_str()),
        reinterpret_cast<const uint8_t*>(ns.c_str()));
    if (st == SERD_SUCCESS) {
      // Record the namespace for the writers, unless the name is already taken.
      auto& registry = self->store_.prefixes();
      if (!registry.expand(std::string(str(name)) + ":")) registry.set(str(name), ns);
    }
    return st;
  }

  static SerdStatus on_error(void* handle, const SerdError* error) {
    auto* self = static_cast<Loader*>(handle);
    if (self->failed_) return SERD_SUCCESS;  // keep the first error
    SourcePos byte_pos;
    std::string msg = detail::serd_error_text(*error, byte_pos);
    // A line read on its own (read_lines) is Serd's first line.
    unsigned long line0 = byte_pos.line + self->line_offset_, col0 = byte_pos.column;
    std::string_view text = self->text();
    self->error_pos_ = text.empty() ? SourcePos{line0, col0} : position_in(text, line0, col0);
    self->error_message_ = msg;
    self->failed_ = true;
    return SERD_SUCCESS;
  }

  // Expands a CURIE or relative IRI to an absolute IRI; records an error and returns false.
  bool expand_iri(const SerdNode* node, std::string& out) {
    if (node->type == SERD_URI) {
      out =
          rdf::has_scheme(str(node)) ? std::string(str(node)) : rdf::resolve_iri(base_, str(node));
      if (!rdf::has_scheme(out)) {
        fail_at_token("relative IRI <" + out + "> with no base IRI", "<" + std::string(str(node)));
        return false;
      }
      return check_unicode(out);
    }
    SerdNode full = serd_env_expand_node(env_, node);
    if (!full.buf) {
      fail_at_token(
          node->type == SERD_CURIE ? "undefined prefix in " + std::string(str(node))
                                   : "cannot resolve IRI <" + std::string(str(node)) + ">",
          node->type == SERD_CURIE ? std::string(str(node)) : "<" + std::string(str(node)));
      return false;
    }
    out.assign(reinterpret_cast<const char*>(full.buf), full.n_bytes);
    serd_node_free(&full);
    if (!check_unicode(out)) return false;
    // An IRI without a scheme cannot be represented (no base to resolve against).
    if (out.find(':') == std::string::npos) {
      fail_at_token("relative IRI <" + out + "> with no base IRI", "<" + std::string(str(node)));
      return false;
    }
    return true;
  }

  // Serd decodes \uD800-style escapes into (invalid) UTF-8 surrogates; RDF forbids them.
  bool check_unicode(std::string_view s) {
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
      auto b0 = static_cast<unsigned char>(s[i]), b1 = static_cast<unsigned char>(s[i + 1]);
      if (b0 == 0xED && b1 >= 0xA0) {
        fail_at_token("escape of a UTF-16 surrogate code point (not a character)", "");
        if (!text().empty()) error_pos_ = find_surrogate_escape(text());
        return false;
      }
    }
    return true;
  }

  static SourcePos find_surrogate_escape(std::string_view text) {
    for (std::size_t i = 0; i + 3 < text.size(); ++i) {
      if (text[i] == '\\' && (text[i + 1] == 'u' || text[i + 1] == 'U')) {
        std::size_t d = text[i + 1] == 'u' ? i + 2 : i + 6;
        if (d + 1 < text.size() && (text[d] == 'd' || text[d] == 'D') &&
            std::strchr("89abcdefABCDEF", text[d + 1])) {
          auto line = static_cast<unsigned long>(
              std::count(text.begin(), text.begin() + static_cast<long>(i), '\n'));
          auto start = text.rfind('\n', i);
          return position_in(text, line, i - (start == std::string_view::npos ? 0 : start + 1));
        }
      }
    }
    return {};
  }

  void fail_at_token(std::string message, const std::string& token) {
    if (failed_) return;
    failed_ = true;
    error_message_ = std::move(message);
    if (!text().empty()) error_pos_ = find_position(text(), token);
  }

  // An absolute IRI as written (no prefix or base involved, so the same string is always the same
  // node): looked up among the recent nodes before the World's table (recent_nodes.hpp).
  NodeRef absolute_iri(const SerdNode* node) {
    const std::string_view iri = str(node);
    const std::uint64_t h = detail::RecentNodes::hash_of(iri, nullptr, {});
    if (NodeId known = recent_.find(h, SERD_URI, iri, nullptr, {})) return world_.ref(known);
    if (!check_unicode(iri)) return {};
    NodeRef made = world_.make(rdf::TermKind::Iri, iri, nullptr, {});
    if (made) recent_.put(h, made.get());
    return made;
  }

  // The subject of the previous statement: N-Triples and Turtle repeat it line after line.
  NodeRef subject_node(const SerdNode* node) {
    if (last_subject_ && node->type == last_subject_type_ && str(node) == last_subject_key_) {
      return last_subject_;
    }
    NodeRef made = make_node(node, nullptr, nullptr);
    if (!made) return {};
    last_subject_ = made;
    last_subject_type_ = node->type;
    last_subject_key_.assign(str(node));
    return made;
  }

  // Interns a Serd node (the hot path of a load): returns a reference, or an empty one after
  // recording an error.
  NodeRef make_node(const SerdNode* node, const SerdNode* datatype, const SerdNode* lang) {
    switch (node->type) {
      case SERD_URI:
        if (rdf::has_scheme(str(node))) return absolute_iri(node);
        [[fallthrough]];
      case SERD_CURIE: {
        std::string iri;
        if (!expand_iri(node, iri)) return {};
        return world_.make(rdf::TermKind::Iri, iri, nullptr, {});
      }
      case SERD_BLANK:
        if (str(node).ends_with('.')) {
          // Serd 0.30 reads `_:o..` as the label "o." and a statement end, where the input is
          // invalid (a label cannot end with '.'); stored, `_:o.` would be written back and read
          // again as something else (found by fuzzing).
          const std::string label(str(node).substr(blank_prefix_.size()));
          fail_at_token(
              "blank node label _:" + label + " ends with '.' (expected a name character)",
              "_:" + label);
          return {};
        }
        return world_.make(rdf::TermKind::Blank, str(node), nullptr, {});
      case SERD_LITERAL: {
        if (!check_unicode(str(node))) return {};
        NodeRef dt;
        std::string lang_tag;
        if (lang && lang->n_bytes) {
          lang_tag = rdf::lowercase_ascii(str(lang));  // the normal form of rdf::Term
        } else if (datatype && datatype->type == SERD_URI && rdf::has_scheme(str(datatype))) {
          if (str(datatype) != "http://www.w3.org/2001/XMLSchema#string") {
            dt = absolute_iri(datatype);
            if (!dt) return {};
          }
        } else if (datatype) {
          std::string dt_iri;
          if (!expand_iri(datatype, dt_iri)) return {};
          if (dt_iri != "http://www.w3.org/2001/XMLSchema#string") {
            dt = world_.make(rdf::TermKind::Iri, dt_iri, nullptr, {});
          }
        }
        const std::uint64_t h = detail::RecentNodes::hash_of(str(node), dt.get(), lang_tag);
        if (NodeId known = recent_.find(h, SERD_LITERAL, str(node), dt.get(), lang_tag)) {
          return world_.ref(known);
        }
        NodeRef lit = world_.make(rdf::TermKind::Literal, str(node), dt.get(), lang_tag);
        if (lit) recent_.put(h, lit.get());
        return lit;
      }
      default:
        fail_at_token("unexpected node " + std::string(str(node)), std::string(str(node)));
        return {};
    }
  }

  static SerdStatus on_statement(void* handle, SerdStatementFlags, const SerdNode* graph,
                                 const SerdNode* subject, const SerdNode* predicate,
                                 const SerdNode* object, const SerdNode* object_datatype,
                                 const SerdNode* object_lang) {
    auto* self = static_cast<Loader*>(handle);
    // After a failed statement nothing more is read: the nodes of that statement may be gone,
    // and the recent-node cache may still name them.
    if (self->failed_) return SERD_ERR_BAD_SYNTAX;
    NodeRef nodes[4];
    nodes[0] = self->subject_node(subject);
    if (nodes[0]) nodes[1] = self->make_node(predicate, nullptr, nullptr);
    if (nodes[1]) nodes[2] = self->make_node(object, object_datatype, object_lang);
    bool has_graph = graph && graph->type != SERD_NOTHING;
    if (nodes[2] && has_graph) nodes[3] = self->make_node(graph, nullptr, nullptr);
    if (!nodes[2] || (has_graph && !nodes[3])) {
      if (!self->failed_) self->fail_at_token("invalid term", "");
      return SERD_ERR_BAD_CURIE;
    }
    self->store_.append(nodes[0].get(), nodes[1].get(), nodes[2].get(),
                        nodes[3] ? nodes[3].get() : self->options_.graph);
    ++self->stats_.statements;
    return SERD_SUCCESS;  // (the store holds its own references)
  }

  void rollback() {
    store_.rollback_to(mark_);
    stats_ = {};
  }

  NodeRef last_subject_;
  SerdType last_subject_type_ = SERD_NOTHING;
  std::string last_subject_key_;

  Store& store_;
  World& world_;
  detail::RecentNodes recent_;  // holds no references: see recent_nodes.hpp
  const LoadOptions& options_;
  std::string name_;
  SerdEnv* env_ = nullptr;
  std::string reread_;
  std::string base_;
  std::string blank_prefix_;     // Serd prepends it to every blank node label of the document
  std::size_t line_offset_ = 0;  // 0-based line of the text Serd is reading on its own
  LoadStats stats_;
  Store::Mark mark_;
  bool failed_ = false;
  std::string error_message_;
  SourcePos error_pos_;
};

std::string_view Loader::text() {
  if (text_.empty() && !path_.empty()) {
    try {
      reread_ = read_whole_file(path_);
    } catch (const std::exception&) {
      path_.clear();  // no position then, but the error itself is still reported
    }
    text_ = reread_;
  }
  return text_;
}

std::string read_whole_file(const std::string& path) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (!file) throw std::runtime_error(path + ": cannot open: " + std::strerror(errno));
  std::string data;
  char buf[1 << 16];
  int n;
  while ((n = gzread(file, buf, sizeof buf)) > 0) data.append(buf, static_cast<std::size_t>(n));
  int err = 0;
  const char* msg = gzerror(file, &err);
  gzclose(file);
  if (n < 0 || (err != Z_OK && err != Z_STREAM_END)) {
    throw std::runtime_error(path + ": read error: " + (msg ? msg : "unknown"));
  }
  return data;
}

}  // namespace

LoadStats load_string(Store& store, std::string_view text, Format format,
                      const LoadOptions& options, std::string_view name) {
  if (text.find('\0') != std::string_view::npos) {
    auto off = text.find('\0');
    std::size_t line = static_cast<std::size_t>(
        std::count(text.begin(), text.begin() + static_cast<long>(off), '\n'));
    auto line_start = text.rfind('\n', off);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    throw RdfSyntaxError(std::string(name), position_in(text, line, off - line_start),
                         "NUL character in input (binary file?): the store cannot hold U+0000");
  }
  // Serd reports an empty document as an error; it is a valid, empty graph.
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return {};
  std::string owned(text);  // Serd needs a NUL-terminated buffer
  Loader loader(store, options, std::string(name));
  loader.text_ = owned;
  return loader.run(format, options.base_iri, [&](SerdReader* reader) {
    if (line_based(format)) {
      std::size_t next = 0;
      return loader.read_lines(reader, format == Format::NQuads, options.plain_line_fast_path,
                               [&](char* out, std::size_t n) {
                                 const std::size_t k = std::min(n, owned.size() - next);
                                 std::memcpy(out, owned.data() + next, k);
                                 next += k;
                                 return k;
                               });
    }
    return serd_reader_read_string(reader, reinterpret_cast<const uint8_t*>(owned.c_str()));
  });
}

LoadStats load_file(Store& store, const std::string& path, const LoadOptions& options) {
  std::optional<Format> format = options.format ? options.format : format_from_path(path);
  if (!format) {
    throw std::runtime_error(path +
                             ": unknown RDF format (use .ttl, .trig, .nt, .nq, optionally .gz, "
                             "or name the format)");
  }
  LoadOptions opts = options;
  if (opts.base_iri.empty()) opts.base_iri = file_iri(path);

  // Streamed in pages through zlib: memory does not grow with the file, only with the graph.
  detail::GzSource source;
  source.file = gzopen(path.c_str(), "rb");
  if (!source.file) throw std::runtime_error(path + ": cannot open: " + std::strerror(errno));
  gzbuffer(source.file, 1 << 17);
  std::unique_ptr<gzFile_s, int (*)(gzFile)> closer(source.file, gzclose);
  // Serd rejects an empty document; it is a valid, empty graph.
  int first = gzgetc(source.file);
  if (first == -1) {
    int err = 0;
    gzerror(source.file, &err);
    if (err != Z_OK && err != Z_STREAM_END) throw std::runtime_error(path + ": read error");
    return {};
  }
  gzungetc(first, source.file);

  // An uncompressed N-Triples or N-Quads line averages well over 80 bytes (SP2Bench: 165), so
  // this reservation is seldom exceeded and saves the quad array from growing by copies.
  // Only an estimate: where that much memory cannot be reserved, the array grows as it would
  // have without it.
  if (line_based(*format) && gzdirect(source.file) == 1) {
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(path, ec);
    try {
      if (!ec) store.reserve(static_cast<std::size_t>(bytes / 80));
    } catch (const std::bad_alloc&) {
    } catch (const std::length_error&) {
    }
  }
  Loader loader(store, opts, path);
  loader.path_ = path;
  LoadStats stats = loader.run(*format, opts.base_iri, [&](SerdReader* reader) {
    SerdStatus st =
        line_based(*format)
            ? loader.read_lines(reader, *format == Format::NQuads, opts.plain_line_fast_path,
                                [&](char* out, std::size_t n) {
                                  return detail::GzSource::read(out, 1, n, &source);
                                })
            : serd_reader_read_source(reader, detail::GzSource::read, detail::GzSource::error,
                                      &source, reinterpret_cast<const uint8_t*>(path.c_str()),
                                      4096);
    // A NUL byte or an I/O error ended the input early: what was read must not stay.
    if (source.nul) {
      throw RdfSyntaxError(path, source.nul_pos,
                           "NUL character in input (binary file?): the store cannot hold U+0000");
    }
    if (source.io_error) throw std::runtime_error(path + ": read error: " + source.io_message);
    return st;
  });
  return stats;
}

}  // namespace ng::store
