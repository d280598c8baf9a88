#include <zlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>

#include "store/rdf_io.hpp"

using ng::rdf::Term;
using ng::store::Format;
using ng::store::RdfSyntaxError;
using ng::store::Store;
using ng::store::World;

namespace {

std::filesystem::path temp_dir() {
  auto dir = std::filesystem::temp_directory_path() / "ng_store_tests";
  std::filesystem::create_directories(dir);
  return dir;
}

std::string write_temp(const std::string& name, const std::string& text) {
  auto path = (temp_dir() / name).string();
  std::ofstream(path) << text;
  return path;
}

std::size_t count_blank_subjects(Store& store) {
  std::set<ng::store::NodeId> blanks;
  auto c = store.scan(nullptr, nullptr, nullptr, nullptr);
  ng::store::QuadIds q;
  while (c.next(q)) {
    if (World::view(q.subject).is_blank()) blanks.insert(q.subject);
  }
  return blanks.size();
}

ng::store::LoadOptions base_options(const std::string& base) {
  ng::store::LoadOptions options;
  options.base_iri = base;
  return options;
}

}  // namespace

TEST_CASE("Turtle loads with prefixes and normal-form literals", "[store][reader]") {
  World world;
  Store store(world);
  auto stats = ng::store::load_string(store, R"(
    @prefix ex: <http://example.org/> .
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    ex:a ex:p "x"^^xsd:string, "y"@EN-gb, 42 ; a ex:C .
  )",
                                      Format::Turtle, base_options("http://base/"));
  CHECK(stats.statements == 4);
  CHECK(stats.added == 4);
  auto x = world.intern(Term::literal("x"));
  auto y = world.intern(Term::literal("y", "", "en-gb"));
  CHECK(store.contains(nullptr, nullptr, x.get(), nullptr));
  CHECK(store.contains(nullptr, nullptr, y.get(), nullptr));
}

TEST_CASE("relative IRIs resolve against the base", "[store][reader]") {
  World world;
  Store store(world);
  ng::store::load_string(store, "<a> <b> <../c> .", Format::Turtle,
                         base_options("http://example.org/x/y"));
  auto s = world.iri("http://example.org/x/a");
  auto o = world.iri("http://example.org/c");
  CHECK(store.contains(s.get(), nullptr, o.get(), nullptr));
}

TEST_CASE("blank nodes of two documents never merge", "[store][reader]") {
  World world;
  Store store(world);
  const char* doc = "_:b0 <http://p> \"v\" . [] <http://p> \"w\" .";
  ng::store::load_string(store, doc, Format::Turtle);
  ng::store::load_string(store, doc, Format::Turtle);
  CHECK(store.size() == 4);
  CHECK(count_blank_subjects(store) == 4);
}

TEST_CASE("TriG and N-Quads graphs land in named graphs", "[store][reader]") {
  World world;
  Store store(world);
  ng::store::load_string(store,
                         "<http://s> <http://p> <http://o> <http://g> .\n"
                         "<http://s> <http://p> <http://o> .\n",
                         Format::NQuads);
  ng::store::load_string(store, "<http://g2> { <http://s> <http://p> <http://o> }", Format::TriG);
  CHECK(store.size() == 3);
  CHECK(store.named_graphs().size() == 2);
}

TEST_CASE("syntax errors give file, line and column, and load nothing", "[store][reader]") {
  World world;
  Store store(world);
  ng::store::load_string(store, "<http://kept> <http://p> 1 .", Format::Turtle);
  REQUIRE(store.size() == 1);
  try {
    ng::store::load_string(store,
                           "<http://a> <http://p> 1 .\n<http://b> <http://p> <http://c> ;;; \"oops",
                           Format::Turtle, {}, "bad.ttl");
    FAIL("no error");
  } catch (const RdfSyntaxError& e) {
    CHECK(e.file() == "bad.ttl");
    CHECK(e.pos().line == 1);
    CHECK(std::string(e.what()).starts_with("bad.ttl:2:"));
  }
  CHECK(store.size() == 1);  // the first, valid statement of bad.ttl was rolled back
}

TEST_CASE("an undefined prefix is an error with its position", "[store][reader]") {
  World world;
  Store store(world);
  try {
    ng::store::load_string(store, "<http://a> <http://p> 1 .\n  nope:x <http://p> 2 .",
                           Format::Turtle, {}, "p.ttl");
    FAIL("no error");
  } catch (const RdfSyntaxError& e) {
    CHECK(std::string(e.what()) == "p.ttl:2:3: undefined prefix in nope:x");
  }
  CHECK(store.size() == 0);
}

TEST_CASE("binary input is rejected", "[store][reader]") {
  World world;
  Store store(world);
  std::string bin("<http://a> <http://b> <http://c> .\n\0\x01", 38);
  CHECK_THROWS_AS(ng::store::load_string(store, bin, Format::NTriples), RdfSyntaxError);
}

TEST_CASE("files load by extension, gzip too", "[store][reader]") {
  World world;
  Store store(world);
  auto nt = write_temp("a.nt", "<http://s> <http://p> \"plain\" .\n");
  CHECK(ng::store::load_file(store, nt).added == 1);

  auto gz = (temp_dir() / "b.nq.gz").string();
  gzFile f = gzopen(gz.c_str(), "wb");
  std::string line = "<http://s> <http://p> \"zipped\" <http://g> .\n";
  gzwrite(f, line.data(), static_cast<unsigned>(line.size()));
  gzclose(f);
  CHECK(ng::store::load_file(store, gz).added == 1);
  CHECK(store.named_graphs().size() == 1);

  CHECK_THROWS_WITH(ng::store::load_file(store, write_temp("c.txt", "x")),
                    Catch::Contains("unknown RDF format"));
  CHECK_THROWS_WITH(ng::store::load_file(store, (temp_dir() / "missing.ttl").string()),
                    Catch::Contains("cannot open"));
}

TEST_CASE("format names and extensions", "[store][reader]") {
  CHECK(ng::store::format_from_name("ttl") == Format::Turtle);
  CHECK(ng::store::format_from_name("nquads") == Format::NQuads);
  CHECK_FALSE(ng::store::format_from_name("rdfxml"));
  CHECK(ng::store::format_from_path("x/y.trig.gz") == Format::TriG);
  CHECK(ng::store::format_from_path("y.nt") == Format::NTriples);
  CHECK_FALSE(ng::store::format_from_path("y.gz"));
  CHECK(ng::store::file_iri("/tmp/a b.ttl") == "file:///tmp/a%20b.ttl");
}

TEST_CASE("streamed files report errors with positions and load nothing", "[store][reader]") {
  World world;
  Store store(world);
  auto gz = (temp_dir() / "bad.ttl.gz").string();
  std::string doc = "@prefix ex: <http://e/> .\nex:a ex:b ex:c .\n\n  bad:x ex:b ex:c .\n";
  gzFile f = gzopen(gz.c_str(), "wb");
  gzwrite(f, doc.data(), static_cast<unsigned>(doc.size()));
  gzclose(f);
  CHECK_THROWS_WITH(ng::store::load_file(store, gz),
                    Catch::EndsWith("bad.ttl.gz:4:3: undefined prefix in bad:x"));
  CHECK(store.size() == 0);

  auto nul = (temp_dir() / "nul.nt").string();
  std::ofstream(nul) << "<http://a> <http://b> \"ok\" .\n<http://a> <http://b> \"x" << '\0'
                     << "y\" .\n";
  CHECK_THROWS_WITH(ng::store::load_file(store, nul),
                    Catch::Contains("nul.nt:2:25: NUL character"));
  CHECK(store.size() == 0);

  auto empty = write_temp("empty.ttl", "");
  CHECK(ng::store::load_file(store, empty).added == 0);
}

TEST_CASE("a blank node label followed directly by the statement's dot", "[store][reader]") {
  World world;
  Store store(world);
  // `_:a.` is the label "a" then the end of the statement (found by fuzzing: Serd's buffer holds
  // the dot after the label, so the label must be copied by length).
  ng::store::load_string(store, "<http://s> <http://p> _:a.\n<http://s> <http://p> <http://o> .\n",
                         Format::NTriples);
  REQUIRE(store.size() == 2);
  std::string nq = ng::store::write_to_string(store, Format::NQuads);
  CHECK(nq.find("a. .") == std::string::npos);
  World w2;
  Store copy(w2);
  CHECK(ng::store::load_string(copy, nq, Format::NQuads).added == 2);  // our output reloads
}

TEST_CASE("a literal interned by the world is the node the reader makes of it",
          "[store][reader][world]") {
  // The world counts the characters of a value itself (8 bytes at a time); Sord tells nodes
  // apart by that count too, so it must agree with the reader's (Serd's) for any UTF-8 text.
  std::string text;
  for (int i = 0; i < 60; ++i) {
    text += i % 3 == 0 ? "caf\xC3\xA9 " : i % 3 == 1 ? "\xE2\x80\x9Cq\xE2\x80\x9D " : "ab ";
  }
  text += "\xF0\x9F\x99\x82";
  World world;
  Store store(world);
  ng::store::load_string(store, "<http://a/s> <http://a/p> \"" + text + "\" .\n", Format::NTriples);
  auto s = world.iri("http://a/s");
  auto p = world.iri("http://a/p");
  auto o = world.intern(Term::literal(text));
  CHECK(store.contains(s.get(), p.get(), o.get(), nullptr));
  CHECK(world.intern(Term::literal(text + "x")).get() != o.get());
}
