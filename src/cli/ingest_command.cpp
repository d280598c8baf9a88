#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <functional>
#include <future>
#include <iostream>
#include <iterator>
#include <memory>
#include <mutex>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/exit_without_teardown.hpp"
#include "cli/limits.hpp"
#include "extract/extractor.hpp"
#include "extract/resolution.hpp"
#include "extract/stage2.hpp"
#include "rdf/known_iris.hpp"
#include "store/node_cache.hpp"
#include "store/rdf_io.hpp"
#include "store/small_string_map.hpp"

namespace ng::cli {
namespace {

struct IngestOptions {
  std::vector<std::string> paths;
  std::string output;
  std::string format;
  std::string resources;
  bool keep_going = false;
  bool quiet = false;
  bool timing = false;
  unsigned jobs = 0;  // 0: one per core
  Limits limits;
  extract::ReadLimits read_limits;
};

// Adapts the extractor's output to the store: interns each term once (IRIs repeat across quads
// and articles: predicates, classes, graphs, entity IRIs) and appends without the per-quad
// duplicate check; the store drops duplicates when it merges, before anything reads it.
class StoreSink : public extract::QuadSink {
 public:
  explicit StoreSink(store::Store& store) : store_(store) {}
  using extract::QuadSink::add;
  void add(const rdf::Quad& quad) override {
    put(rdf::ref_of(quad));
    forget_sources();  // `quad` is a temporary: its strings' addresses may hold others next
  }
  // (Any views: copied into strings, which end in the NUL byte put() needs.)
  void add(const rdf::QuadRef& quad) override { add(rdf::to_quad(quad)); }
  // Adds the quad and returns its nodes (alive as long as the store holds the quad). Each of its
  // strings must be followed by a NUL byte, as those of an rdf::QuadBuffer and an rdf::Quad are:
  // the world interns them without copying them first. The strings must stay where they are, as
  // they are, until next_article(): a string at the address of the previous subject or graph is
  // taken to be that string (a QuadBuffer stores a repeated subject or graph once).
  // `resolution_readers`, when given, receives extract::resolution_readers() of its predicate,
  // kept with the predicate's node (a lookup by predicate per quad, not two).
  store::QuadIds put(const rdf::QuadRef& quad, unsigned* resolution_readers = nullptr) {
    const Predicate& predicate = predicate_node(quad.predicate);
    if (resolution_readers) *resolution_readers = predicate.resolution_readers;
    const store::QuadIds q{subject_node(quad.subject), predicate.node.get(), node(quad.object),
                           quad.graph ? graph_node(*quad.graph) : nullptr};
    store_.append(q.subject, q.predicate, q.object, q.graph);
    held_.clear();  // the store holds its own references now
    return q;
  }
  // IRIs and short literals repeat across articles (a batch of 300 synthetic articles has 26,000
  // distinct IRIs in 60,000 interned per article), so the term cache serves every article, up to
  // a bound, as a cache of every term of a large batch would outgrow the CPU caches. Past it, the
  // cache keeps the terms met in more than one article (classes, places, dates, recurring
  // actors) and drops the rest (sentence IRIs, quotes): at 10,000 articles, starting again from
  // nothing sent some 370,000 known terms back to the world's table (a few cache misses each).
  // Only when the shared terms alone fill half the bound does it start again. The store holds
  // the nodes of its quads.
  void next_article() {
    if (cached_terms() > kMaxCachedTerms) {
      iris_.keep_shared();
      for (LiteralCache& c : literals_) c.by_value.keep_shared();
      if (cached_terms() > kMaxCachedTerms / 2) {
        iris_.clear();
        literals_.clear();
        predicates_.clear();
      }
    }
    iris_.start_part();
    for (LiteralCache& c : literals_) c.by_value.start_part();
    last_graph_id_ = nullptr;
    last_subject_id_ = nullptr;
    forget_sources();
  }
  // Replaces each renamed IRI (variant -> canonical) in the subject and object positions of
  // every quad in the store, as cross-article resolution rewrites actor IRIs.
  void rename(const std::vector<std::pair<std::string, std::string>>& renamed) {
    std::unordered_map<store::NodeId, store::NodeId> to;
    store::NodePool names(store_.world());  // the nodes stay alive while `to` is used
    for (const auto& [variant, canonical] : renamed) {
      to[names.intern(rdf::Term::iri(variant))] = names.intern(rdf::Term::iri(canonical));
    }
    store_.replace_nodes(to);
  }

 private:
  static constexpr std::size_t kMaxCachedTerms = std::size_t{1} << 16;
  std::size_t cached_terms() const {
    std::size_t terms = iris_.size() + predicates_.size();
    for (const LiteralCache& c : literals_) terms += c.by_value.size();
    return terms;
  }
  // Longer literals (article texts, sentences, quotes) are nearly all distinct: copying and
  // hashing them for the cache cost more than the world's own lookup.
  static constexpr std::size_t kMaxCachedLiteral = 64;
  // One lookup per IRI or short literal of each quad.
  using Cache = store::NodeCache;
  struct LiteralCache {
    std::string datatype;
    std::string lang;
    Cache by_value;
  };
  store::NodeId node(const rdf::TermView& term) {
    if (term.is_iri()) {
      if (const std::uint32_t id = rdf::KnownIris::id_of(term.value)) return known_node(id, term);
      return cached(iris_, term.value, term);
    }
    if (term.is_literal() && term.value.size() <= kMaxCachedLiteral) {
      return cached(literal_cache(term), term.value, term);
    }
    held_.push_back(intern(term));  // blank nodes and long literals
    return held_.back().get();
  }
  // Literals by their datatype and language tag (a handful: plain, @en, a few xsd types), then
  // by their lexical form: no key to build, and the tags are not hashed with every literal.
  Cache& literal_cache(const rdf::TermView& literal) {
    for (LiteralCache& c : literals_) {
      if (c.datatype == literal.datatype && c.lang == literal.lang) return c.by_value;
    }
    literals_.push_back(
        LiteralCache{std::string(literal.datatype), std::string(literal.lang), Cache{}});
    return literals_.back().by_value;
  }
  // put()'s terms end in a NUL byte, as the world's C library needs.
  store::NodeRef intern(const rdf::TermView& term) {
    return store_.world().intern_terminated(term);
  }
  struct Predicate {
    store::NodeRef node;
    unsigned resolution_readers = 0;
  };
  // A few dozen predicates: most are known IRIs (rdf::KnownIris), found by their number; the
  // others are in a small table of their own with a cheaper hash.
  const Predicate& predicate_node(const rdf::TermView& term) {
    if (!term.is_iri()) {  // (not RDF: the world rejects it)
      other_predicate_ = {intern(term), 0};
      return other_predicate_;
    }
    if (const std::uint32_t id = rdf::KnownIris::id_of(term.value)) {
      if (id >= known_predicates_.size()) known_predicates_.resize(id + 1);
      Predicate& known = known_predicates_[id];
      if (known.node.get() == nullptr) {
        known = Predicate{intern(term), extract::resolution_readers(term.value)};
      }
      return known;
    }
    if (const Predicate* known = predicates_.find(term.value)) return *known;
    return predicates_.insert(term.value,
                              Predicate{intern(term), extract::resolution_readers(term.value)});
  }
  // Known IRIs in other positions (classes): their node by their number, held for the run.
  store::NodeId known_node(std::uint32_t id, const rdf::TermView& term) {
    if (id >= known_nodes_.size()) known_nodes_.resize(id + 1);
    store::NodeRef& known = known_nodes_[id];
    if (known.get() == nullptr) known = intern(term);
    return known.get();
  }
  // An article's quads come together: the graph is mostly the previous quad's.
  store::NodeId graph_node(const rdf::TermView& term) {
    return node_like_last(term, last_graph_, last_graph_source_, last_graph_id_);
  }
  // The extractors state several facts about a node in a row: comparing with the previous
  // subject is cheaper than hashing it again.
  store::NodeId subject_node(const rdf::TermView& term) {
    return node_like_last(term, last_subject_, last_subject_source_, last_subject_id_);
  }
  // An IRI equal to `last` gives `last_id` without a lookup; otherwise both are updated.
  // `last` views the string of the node `last_id` itself (no copy): the node stays alive in
  // iris_, which next_article() clears only after resetting `last_id`. `last_source` is the
  // address of the caller's string that gave `last_id`: the same address (and size) is the same
  // string without comparing bytes, while put()'s strings stay in place.
  store::NodeId node_like_last(const rdf::TermView& term, std::string_view& last,
                               const char*& last_source, store::NodeId& last_id) {
    if (!term.is_iri()) return node(term);
    if (last_source != nullptr && term.value.data() == last_source &&
        term.value.size() == last.size()) {
      return last_id;
    }
    if (last_id == nullptr || term.value != last) {
      last_id = node(term);
      last = store::World::view(last_id).value;
    }
    last_source = term.value.data();
    return last_id;
  }
  void forget_sources() {
    last_graph_source_ = nullptr;
    last_subject_source_ = nullptr;
  }
  store::NodeId cached(Cache& cache, std::string_view key, const rdf::TermView& term) {
    return cache.get(key, [&] { return intern(term); });
  }
  store::Store& store_;
  Cache iris_;
  std::vector<LiteralCache> literals_;
  store::SmallStringMap<Predicate> predicates_;
  std::vector<Predicate> known_predicates_;  // by rdf::KnownIris number
  std::vector<store::NodeRef> known_nodes_;  // by rdf::KnownIris number
  Predicate other_predicate_;         // predicate_node()'s answer for a term that is not an IRI
  std::vector<store::NodeRef> held_;  // uncached nodes of the quad being added
  std::string_view last_graph_;
  const char* last_graph_source_ = nullptr;
  store::NodeId last_graph_id_ = nullptr;
  std::string_view last_subject_;
  const char* last_subject_source_ = nullptr;
  store::NodeId last_subject_id_ = nullptr;
};

// The folder holding ontology/rules, data/lexicon and data/gazetteer: --resources, else
// $NEWSGRAPH_HOME, else the source tree this binary was built from.
std::string resource_root(const std::string& option) {
  if (!option.empty()) return option;
  if (const char* home = std::getenv("NEWSGRAPH_HOME"); home && *home) return home;
  return NG_DEFAULT_RESOURCES;
}

// One article through both stages: its quads and counts.
struct Extracted {
  extract::BufferSink own;     // stage 1 (actors, places, events, provenance)
  extract::BufferSink claims;  // stage 2 (claims, mediation efforts)
  extract::ExtractStats stats;
  extract::Stage2Stats claim_stats;
};

// Room for an article's quads before extraction, so that most buffers never grow. Stage 1
// writes about one quad per 7 bytes of text and stage 2 one per 9 (synthetic and development
// articles), about 100 bytes of strings each; the estimates are a little above that.
void reserve_for(const extract::Article& article, Extracted& e) {
  const std::size_t own = article.text.size() / 5 + 32;
  const std::size_t claims = article.text.size() / 6 + 16;
  e.own.quads.reserve(own, own * 128);
  e.claims.quads.reserve(claims, claims * 128);
}

// Extracts articles [begin, end) on `jobs` threads (the calling thread is one of them). The
// stages are const and keep no state between articles, so articles run independently; the
// results come back in article order, so the graph does not depend on the number of threads.
// An exception in any thread is rethrown here, after every thread has stopped.
std::vector<Extracted> extract_batch(const extract::Extractor& extractor,
                                     const extract::ClaimStage& claim_stage,
                                     const std::vector<extract::Article>& articles,
                                     std::size_t begin, std::size_t end, unsigned jobs) {
  std::vector<Extracted> out(end - begin);
  std::atomic<std::size_t> next{begin};
  std::mutex failure_mutex;
  std::exception_ptr failure;
  auto work = [&] {
    for (std::size_t i = next++; i < end; i = next++) {
      try {
        Extracted& e = out[i - begin];
        reserve_for(articles[i], e);
        extract::TextAnalysis text;  // stage 1's tokens and sentences, reused by stage 2
        e.stats = extractor.extract(articles[i], e.own, text);
        e.claim_stats = claim_stage.extract(articles[i], e.own.quads, e.claims, std::move(text));
      } catch (...) {
        std::lock_guard<std::mutex> lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = end;  // the others stop after their current article
      }
    }
  };
  std::vector<std::thread> helpers;
  const std::size_t wanted = std::min<std::size_t>(jobs, end - begin);
  for (std::size_t t = 1; t < wanted; ++t) helpers.emplace_back(work);
  work();
  for (std::thread& t : helpers) t.join();
  if (failure) std::rethrow_exception(failure);
  return out;
}

void show_progress(std::size_t done, std::size_t total) {
  constexpr int kWidth = 30;
  int filled = static_cast<int>(kWidth * done / (total ? total : 1));
  std::cerr << "\r[" << std::string(static_cast<std::size_t>(filled), '#')
            << std::string(static_cast<std::size_t>(kWidth - filled), ' ') << "] " << done << "/"
            << total << " articles" << std::flush;
}

// Wall-clock and process CPU seconds of each phase, for --timing. CPU time is what the process
// spent (with -j 1: one core), which other load on the machine changes far less than the wall
// clock.
class PhaseClock {
 public:
  PhaseClock() : start_({wall_now(), cpu_now()}), last_(start_) {}
  void end(const char* phase) {
    const Stamp now{wall_now(), cpu_now()};
    phases_.push_back({phase, now.wall - last_.wall, now.cpu - last_.cpu});
    last_ = now;
  }
  // "timing total_s=… text_bytes=… <phase>_s=… … total_cpu_s=… <phase>_cpu_s=… …"
  std::string line(std::size_t text_bytes) const {
    const Stamp now{wall_now(), cpu_now()};
    std::string out = "timing total_s=" + fixed(now.wall - start_.wall) +
                      " text_bytes=" + std::to_string(text_bytes);
    for (const Phase& p : phases_) out += " " + p.name + "_s=" + fixed(p.wall);
    out += " total_cpu_s=" + fixed(now.cpu - start_.cpu);
    for (const Phase& p : phases_) out += " " + p.name + "_cpu_s=" + fixed(p.cpu);
    return out;
  }

 private:
  struct Stamp {
    double wall, cpu;
  };
  struct Phase {
    std::string name;
    double wall, cpu;
  };
  static double wall_now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }
  static double cpu_now() {
    timespec t{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
  }
  static std::string fixed(double seconds) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6f", seconds);
    return buf;
  }
  Stamp start_, last_;
  std::vector<Phase> phases_;
};

int run_ingest(const IngestOptions& opts) {
  store::Format format = store::Format::TriG;
  if (!opts.format.empty()) {
    format = parse_format(opts.format);
  } else if (auto by_ext = store::format_from_path(opts.output)) {
    format = *by_ext;
  }
  apply_limits(opts.limits, "ingest");
  PhaseClock clock;
  const auto resources = extract::ResourcePaths::under(resource_root(opts.resources));
  // On the heap: left to the end of the process (leave_to_exit), as are the store and the sink.
  auto extractor_ptr = std::make_unique<extract::Extractor>(resources);  // actors, places, events
  auto claim_stage_ptr = std::make_unique<extract::ClaimStage>(resources);  // claims, mediations
  const extract::Extractor& extractor = *extractor_ptr;
  const extract::ClaimStage& claim_stage = *claim_stage_ptr;

  clock.end("resources");
  std::vector<extract::Diagnostic> diagnostics;
  std::vector<extract::Article> articles =
      extract::read_articles(opts.paths, diagnostics, opts.read_limits);
  extractor.infer_story_dates(articles);  // undated reports of a dated story
  std::size_t errors = 0;
  for (const auto& d : diagnostics) {
    std::cerr << "newsgraph: " << d.to_string() << "\n";
    if (d.severity == extract::Severity::Error) ++errors;
  }

  clock.end("read");
  auto world = std::make_unique<store::World>();
  auto store_ptr = std::make_unique<store::Store>(*world);
  auto sink_ptr = std::make_unique<StoreSink>(*store_ptr);
  store::Store& store = *store_ptr;
  StoreSink& sink = *sink_ptr;
  // Extraction writes about 0.27 quads per byte of text (synthetic and development articles);
  // reserving a little more up front saves the store's array from growing by copies.
  std::size_t text_bytes = 0;
  for (const auto& a : articles) text_bytes += a.text.size();
  store.reserve(text_bytes * 3 / 10);
  // And about 0.045 distinct terms per byte (synthetic articles; 0.06 in the held-out sets): the
  // node table is sized once for 0.05, not doubled some ten times on the way (each copy keeps the
  // old array alive, which raised the peak memory of a large ingest). An estimate a little low
  // costs one doubling at the end; one too high would double the table for the whole run.
  world->reserve(text_bytes / 20);
  extract::ExtractStats stats;
  extract::Stage2Stats claim_stats;
  const bool progress = !opts.quiet && ::isatty(STDERR_FILENO) && articles.size() >= 20;
  // Stage 1 and 2 per article. Every quad goes to the store as soon as it is extracted, while
  // its terms are still in the CPU caches; cross-article resolution reads the few it needs as
  // terms, in `resolution_input`, and returns the actor IRIs it renamed, which are then replaced
  // in the store. Its own quads (links between variants and canonical IRIs) go in after that.
  // Articles enter the store in article order, so named graphs are first used in the same order
  // on every run, whatever the number of threads.
  std::vector<extract::QuadView> resolution_input;  // views of the store's nodes
  // Resolution reads some 0.03 to 0.05 quads per byte of text (development and synthetic
  // articles): reserved up front, the array is not copied as it grows, nor its fresh pages
  // touched twice (at 10,000 articles it is over 100 MB).
  resolution_input.reserve(text_bytes / 16);
  auto view_of = [](const store::QuadIds& q) {
    const rdf::TermView s = store::World::view(q.subject), o = store::World::view(q.object);
    extract::QuadView v;
    v.subject = s.value;
    v.subject_is_iri = s.is_iri();
    v.predicate = store::World::view(q.predicate).value;
    v.object = o.value;
    v.object_is_iri = o.is_iri();
    v.object_datatype = o.datatype;
    if (q.graph) {
      v.graph = store::World::view(q.graph).value;
      v.has_graph = true;
    }
    return v;
  };
  const unsigned jobs = opts.jobs ? opts.jobs : std::max(1U, std::thread::hardware_concurrency());
  // Batches bound the quads waiting as terms; a batch gives every thread several articles. With
  // threads, the next batch is extracted while this thread interns the current one.
  const std::size_t batch = jobs == 1 ? 1 : 16 * static_cast<std::size_t>(jobs);
  auto extract_from = [&](std::size_t b) {
    return extract_batch(extractor, claim_stage, articles, b, std::min(articles.size(), b + batch),
                         jobs);
  };
  std::vector<Extracted> current = articles.empty() ? std::vector<Extracted>{} : extract_from(0);
  for (std::size_t b = 0; b < articles.size(); b += batch) {
    const std::size_t e = std::min(articles.size(), b + batch);
    std::future<std::vector<Extracted>> next;
    if (jobs > 1 && e < articles.size()) next = std::async(std::launch::async, extract_from, e);
    for (Extracted& x : current) {
      stats += x.stats;
      claim_stats += x.claim_stats;
      sink.next_article();
      for (auto* part : {&x.own, &x.claims}) {
        for (const rdf::QuadRef q : part->quads) {
          unsigned readers = 0;
          const store::QuadIds ids = sink.put(q, &readers);
          // (Most predicates have no reader: no call for their quads.)
          if (readers != 0 && extract::resolution_reads(readers, q.subject)) {
            resolution_input.push_back(view_of(ids));
          }
        }
      }
    }
    if (e < articles.size()) current = next.valid() ? next.get() : extract_from(e);
    if (progress && (e / 10 != b / 10 || e == articles.size())) show_progress(e, articles.size());
  }
  if (progress) std::cerr << "\n";
  // The texts are in the store now (nif:isString): the input's copy goes before the writer's
  // arrays grow, which is when memory peaks.
  std::vector<extract::Article>().swap(articles);
  clock.end("extract");
  std::vector<std::pair<std::string, std::string>> renamed;  // variant IRI -> canonical IRI
  extract::BufferSink links;  // owl:sameAs from canonical to variant IRIs, merged events, ...
  // The views point into interned nodes: equal IRIs are at one address.
  extract::resolve_across_articles(resolution_input, links, &renamed,
                                   extract::ViewKeys::kByAddress);
  resolution_input = {};
  clock.end("resolve");
  sink.rename(renamed);  // before the links, which name the variants on purpose
  sink.next_article();
  for (const rdf::QuadRef q : links.quads) sink.put(q);
  clock.end("store");

  if (errors > 0 && !opts.keep_going) {
    std::cerr << "newsgraph: " << errors << " input(s) could not be read; nothing written "
              << "(use --keep-going to write the graph of the others)\n";
    return kExitBadInput;
  }
  if (!store::format_has_graphs(format)) {
    std::cerr << "newsgraph: note: " << format_name(format)
              << " has no named graphs: the per-article provenance graphs are merged\n";
  }
  write_output(opts.output, [&](std::ostream& out) { store::write(store, format, out); });
  clock.end("write");
  if (opts.timing) std::fprintf(stderr, "%s\n", clock.line(text_bytes).c_str());
  if (!opts.quiet) {
    std::cerr << "newsgraph: ingested " << stats.articles << " articles, " << stats.sentences
              << " sentences, " << stats.actors << " actors, " << stats.locations << " locations, "
              << stats.events << " events, " << claim_stats.claims << " claims, "
              << claim_stats.mediations << " mediation efforts, " << store.size() << " triples";
    if (errors) std::cerr << " (" << errors << " input(s) skipped)";
    std::cerr << "\n";
  }
  leave_to_exit(sink_ptr, store_ptr, world, claim_stage_ptr, extractor_ptr);
  // --keep-going: the bad inputs were named above; what could be read is the result asked for.
  return errors > 0 && !opts.keep_going ? kExitBadInput : kExitOk;
}

}  // namespace

Runner add_ingest_command(CLI::App& app) {
  auto opts = std::make_shared<IngestOptions>();
  auto* cmd = app.add_subcommand(
      "ingest", "Extract actors, places, events, claims and mediations from articles");
  cmd->add_option("PATH", opts->paths,
                  "Article files (.txt, .md, .jsonl) or directories (recursive)")
      ->required()
      ->check(CLI::ExistingPath);
  cmd->add_option("-o,--output", opts->output, "Output file (written atomically; default stdout)");
  cmd->add_option("-f,--format", opts->format,
                  "trig, nquads, turtle or ntriples (default: from -o, else trig)");
  cmd->add_option("--resources", opts->resources,
                  "Folder with ontology/rules, data/lexicon, data/gazetteer (default: "
                  "$NEWSGRAPH_HOME or the source tree)");
  cmd->add_flag(
      "--keep-going", opts->keep_going,
      "Write the graph of the readable articles even if some inputs are bad, and exit 0 (the bad "
      "ones are still named on stderr)");
  cmd->add_flag("-q,--quiet", opts->quiet, "No counts or progress on stderr");
  cmd->add_option("-j,--jobs", opts->jobs,
                  "Articles extracted at once, on this many threads (0: one per core); the "
                  "output does not depend on it")
      ->capture_default_str();
  cmd->add_flag("--timing", opts->timing,
                "Print 'timing total_s=S text_bytes=N <phase>_s=S ... total_cpu_s=S "
                "<phase>_cpu_s=S ...' to stderr: wall-clock and CPU seconds of each phase "
                "(resources, read, extract, resolve, store, write)");
  opts->limits.timeout_seconds = 0;  // ingesting months of news may take long: no default limit
  add_limit_options(*cmd, opts->limits);
  cmd->add_option("--max-article-size", opts->read_limits.max_article_bytes,
                  "Skip (and report) an article file or JSON line larger than this, in bytes "
                  "(suffixes KB, MB accepted)")
      ->transform(CLI::AsSizeValue(false))
      ->capture_default_str();
  cmd->add_option("--max-line-length", opts->read_limits.max_line_bytes,
                  "Skip (and report) a text article with a line longer than this, in bytes")
      ->transform(CLI::AsSizeValue(false))
      ->capture_default_str();
  return [opts] { return run_ingest(*opts); };
}

}  // namespace ng::cli
