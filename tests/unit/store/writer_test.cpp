#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "store/rdf_io.hpp"

using ng::store::Format;
using ng::store::Store;
using ng::store::World;

namespace {

const char* kDoc = R"(
@prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:a rdfs:label "A \"quoted\"\nline"@en ; ex:n 3 ; ex:b _:x .
_:x ex:c ex:d .
ex:g { ex:a ex:in ex:g . _:y ex:c "in graph" . }
)";

// Sorted N-Quads with blank labels replaced, to compare stores.
std::string canonical(const Store& store) {
  std::istringstream lines(ng::store::write_to_string(store, Format::NQuads));
  std::vector<std::string> out;
  for (std::string line; std::getline(lines, line);) {
    std::string masked;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line.compare(i, 2, "_:") == 0) {
        masked += "_:B";
        while (i + 1 < line.size() && line[i + 1] != ' ') ++i;
      } else {
        masked += line[i];
      }
    }
    out.push_back(masked);
  }
  std::sort(out.begin(), out.end());
  std::string joined;
  for (auto& l : out) joined += l + "\n";
  return joined;
}

}  // namespace

TEST_CASE("every writer round-trips through the reader", "[store][writer]") {
  World world;
  Store original(world);
  ng::store::load_string(original, kDoc, Format::TriG);
  REQUIRE(original.size() == 6);
  for (Format f : {Format::TriG, Format::NQuads}) {
    Store copy(world);
    ng::store::load_string(copy, ng::store::write_to_string(original, f), f);
    CHECK(canonical(copy) == canonical(original));
  }
  for (Format f : {Format::Turtle, Format::NTriples}) {
    Store copy(world);
    ng::store::load_string(copy, ng::store::write_to_string(original, f), f);
    CHECK(copy.size() == 6);  // all graphs flattened into triples
    CHECK(copy.named_graphs().empty());
  }
}

TEST_CASE("Turtle output uses the registry's prefixes that are needed", "[store][writer]") {
  World world;
  Store store(world);
  ng::store::load_string(store, kDoc, Format::TriG);
  ng::store::WriteOptions options;
  options.prefixes.set("ex", "http://example.org/");
  std::string ttl = ng::store::write_to_string(store, Format::Turtle, options);
  CHECK(ttl.find("@prefix ex: <http://example.org/> .") != std::string::npos);
  CHECK(ttl.find("@prefix rdfs:") != std::string::npos);
  CHECK(ttl.find("@prefix owl:") == std::string::npos);
  CHECK(ttl.find("rdfs:label") != std::string::npos);
  std::string trig = ng::store::write_to_string(store, Format::TriG, options);
  CHECK(trig.find("ex:g {") != std::string::npos);
  // A namespace only a graph name uses is declared in TriG, which writes graph names, and not
  // in Turtle, which does not; a namespace no node uses is declared in neither.
  World world2;
  Store named(world2);
  ng::store::load_string(named, "<http://example.org/s> <http://example.org/p> \"1\" <urn:x:g> .",
                         Format::NQuads);
  options.prefixes.set("gx", "urn:x:");
  options.prefixes.set("unused", "http://unused.example/");
  const std::string named_trig = ng::store::write_to_string(named, Format::TriG, options);
  CHECK(named_trig.find("@prefix gx: <urn:x:> .") != std::string::npos);
  CHECK(named_trig.find("gx:g {") != std::string::npos);
  const std::string named_ttl = ng::store::write_to_string(named, Format::Turtle, options);
  CHECK(named_ttl.find("gx:") == std::string::npos);
  CHECK(named_ttl.find("ex:p \"1\"") != std::string::npos);
  for (const std::string& out : {named_trig, named_ttl})
    CHECK(out.find("unused") == std::string::npos);
}

TEST_CASE("atomic writes leave the old file on failure", "[store][writer]") {
  auto dir = std::filesystem::temp_directory_path() / "ng_atomic_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto path = (dir / "out.nq").string();
  ng::store::write_file_atomically(path, [](std::ostream& out) { out << "first\n"; });
  CHECK_THROWS(ng::store::write_file_atomically(path, [](std::ostream& out) {
    out << "partial";
    throw std::runtime_error("boom");
  }));
  std::ifstream in(path);
  std::string content((std::istreambuf_iterator<char>(in)), {});
  CHECK(content == "first\n");
  CHECK(std::distance(std::filesystem::directory_iterator(dir), {}) == 1);  // no temp left
  CHECK_THROWS(
      ng::store::write_file_atomically((dir / "no/such/dir/x").string(), [](std::ostream&) {}));
}

TEST_CASE("an interrupt while writing leaves neither a partial nor a temporary file",
          "[store][writer]") {
  auto dir = std::filesystem::temp_directory_path() / "ng_atomic_signal_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto path = (dir / "out.nq").string();
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    std::signal(SIGINT, SIG_DFL);  // Catch2 has its own handler; a real program has the default
    ng::store::write_file_atomically(path, [](std::ostream& out) {
      out << std::string(1 << 20, 'x');  // part of the output is already on disk
      out.flush();
      ::raise(SIGINT);  // as if the user pressed Ctrl-C
      out << "never";
    });
    ::_exit(0);  // not reached
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGINT);
  CHECK(std::distance(std::filesystem::directory_iterator(dir), {}) == 0);
}

TEST_CASE("output order is by term value, whatever the order of loading", "[store][writer]") {
  // Two stores with the same quads added in opposite orders (so their nodes are interned, and
  // their quads indexed, in different orders) must write the same bytes in every syntax.
  const std::vector<std::string> lines = {
      "<http://ex/b> <http://ex/p> \"z\" <http://ex/g1> .",
      "<http://ex/a> <http://ex/q> <http://ex/c> <http://ex/g1> .",
      "<http://ex/a> <http://ex/p> \"10\"^^<http://www.w3.org/2001/XMLSchema#integer> .",
      "<http://ex/a> <http://ex/p> \"b\"@en .",
      "<http://ex/a> <http://ex/p> \"b\" .",
      "<http://ex/c> <http://ex/p> <http://ex/a> <http://ex/g2> .",
      "<http://ex/a> <http://ex/p> <http://ex/z> .",
  };
  auto fill = [&](bool reversed, Store& store) {
    std::string doc;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      doc += lines[reversed ? lines.size() - 1 - i : i] + "\n";
    }
    ng::store::load_string(store, doc, Format::NQuads);
  };
  World w1, w2;
  Store forward(w1), backward(w2);
  fill(false, forward);
  fill(true, backward);
  for (Format f : {Format::NTriples, Format::NQuads, Format::Turtle, Format::TriG}) {
    CHECK(ng::store::write_to_string(forward, f) == ng::store::write_to_string(backward, f));
  }
  // The default graph's triples by subject, predicate, then object (IRIs before literals;
  // literals by value, then datatype, then language).
  const std::string nquads = ng::store::write_to_string(backward, Format::NQuads);
  CHECK(nquads.rfind(
            "<http://ex/a> <http://ex/p> <http://ex/z> .\n"
            "<http://ex/a> <http://ex/p> \"10\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
            "<http://ex/a> <http://ex/p> \"b\" .\n"
            "<http://ex/a> <http://ex/p> \"b\"@en .\n",
            0) == 0);
}

TEST_CASE("a large group is written completely and in value order", "[store][writer]") {
  // Thousands of distinct nodes in one graph, loaded out of order (the writer's per-group node
  // numbering grows several times), and an output larger than the file's buffer (written past
  // it in one block).
  constexpr int kQuads = 3000;
  auto padded = [](int k) {
    std::string digits = std::to_string(k);
    return std::string(5 - digits.size(), '0') + digits;
  };
  std::string doc;
  std::vector<std::string> expected;
  for (int i = 0; i < kQuads; ++i) {
    const int k = (i * 7919) % kQuads;  // 7919 is prime: every k once
    const std::string line =
        "<http://ex/s/" + padded(k) + "> <http://ex/p> \"v" + padded(k) + "\\n\" <http://ex/g> .";
    doc += line + "\n";
    expected.push_back(line);
  }
  // Subjects and values of one length: line order is term order.
  std::sort(expected.begin(), expected.end());
  std::string sorted;
  for (const std::string& line : expected) sorted += line + "\n";
  World world;
  Store store(world);
  ng::store::load_string(store, doc, Format::NQuads);
  CHECK(ng::store::write_to_string(store, Format::NQuads) == sorted);

  auto dir = std::filesystem::temp_directory_path() / "ng_large_group_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto path = (dir / "out.nq").string();
  ng::store::write_file_atomically(
      path, [&](std::ostream& out) { ng::store::write(store, Format::NQuads, out); });
  std::ifstream in(path);
  const std::string content((std::istreambuf_iterator<char>(in)), {});
  CHECK(content.size() > (std::size_t{1} << 16));
  CHECK(content == sorted);
  std::filesystem::remove_all(dir);
}

TEST_CASE("terms interned from values write as terms read from a document", "[store][writer]") {
  // World::intern measures strings itself (characters, newline and quote flags, which decide
  // Turtle's long-string form), the reader leaves it to Sord: both must write the same bytes.
  const std::string text = "line \"one\"\nline two \xC3\xA9t\xC3\xA9\r\nend";
  World w1, w2;
  Store built(w1), loaded(w2);
  using ng::rdf::Term;
  built.add(ng::rdf::Quad{Term::iri("http://ex/a"), Term::iri("http://ex/p"), Term::literal(text),
                          std::nullopt});
  built.add(ng::rdf::Quad{Term::iri("http://ex/a"), Term::iri("http://ex/q"),
                          Term::literal("quote \" only", {}, "EN"), Term::iri("http://ex/g")});
  built.add(ng::rdf::Quad{Term::iri("http://ex/a"), Term::iri("http://ex/r"),
                          Term::literal("7", "http://www.w3.org/2001/XMLSchema#integer"),
                          std::nullopt});
  ng::store::load_string(loaded, ng::store::write_to_string(built, Format::NQuads), Format::NQuads);
  for (Format f : {Format::NTriples, Format::NQuads, Format::Turtle, Format::TriG}) {
    CHECK(ng::store::write_to_string(built, f) == ng::store::write_to_string(loaded, f));
  }
  CHECK(ng::store::write_to_string(built, Format::Turtle).find("\"\"\"") != std::string::npos);
}

TEST_CASE("a first load is written as the same store after merging", "[store][writer]") {
  // Graphs whose quads come in several runs, the default graph among them, and duplicates: the
  // writer reads an unmerged load graph by graph from its runs, and a merged one through scans.
  World world;
  auto load = [&](Store& store) {
    for (int n = 0; n < 700; ++n) {
      const int i = n < 600 ? n : (n - 600) * 6;  // the last 100 repeat earlier quads
      const std::string graph = i % 5 == 0 ? "" : "http://ex.org/g" + std::to_string(i / 50 % 4);
      ng::rdf::Quad q{ng::rdf::Term::iri("http://ex.org/s" + std::to_string(i * 37 % 41)),
                      ng::rdf::Term::iri("http://ex.org/p" + std::to_string(i % 3)),
                      ng::rdf::Term::literal("v" + std::to_string(i % 97)), std::nullopt};
      if (!graph.empty()) q.graph = ng::rdf::Term::iri(graph);
      auto s = world.intern(q.subject), p = world.intern(q.predicate), o = world.intern(q.object);
      auto g = q.graph ? world.intern(*q.graph) : ng::store::NodeRef();
      store.append(s.get(), p.get(), o.get(), g.get());
    }
  };
  Store unmerged(world), merged(world);
  load(unmerged);
  load(merged);
  REQUIRE(merged.size() == 600);  // merges it (and drops the duplicates)
  REQUIRE(unmerged.unmerged_quads() != nullptr);
  REQUIRE(merged.unmerged_quads() == nullptr);
  for (Format f : {Format::NQuads, Format::TriG}) {
    CHECK(ng::store::write_to_string(unmerged, f) == ng::store::write_to_string(merged, f));
  }
  CHECK(unmerged.unmerged_quads() != nullptr);  // writing does not merge
}
