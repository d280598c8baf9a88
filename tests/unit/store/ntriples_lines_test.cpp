// The N-Triples / N-Quads fast path: it must read every line it accepts exactly as Serd does,
// and leave every other line (and every error) to Serd.
#include "store/ntriples_lines.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "store/rdf_io.hpp"

using ng::store::Format;
using ng::store::RdfSyntaxError;
using ng::store::Store;
using ng::store::World;
using ng::store::detail::LineKind;
using ng::store::detail::LineTerms;
using ng::store::detail::scan_plain_line;

namespace {

LineKind scan(const std::string& line, bool quads = false) {
  LineTerms terms;
  return scan_plain_line(line, quads, "p_", terms);
}

std::string as_string(const SerdNode& n) {
  return std::string(reinterpret_cast<const char*>(n.buf), n.n_bytes);
}

// `text` loaded with the fast path and by Serd alone, both written back as N-Quads.
std::pair<std::string, std::string> both_ways(const std::string& text, Format format) {
  World w1, w2;
  Store fast(w1), serd(w2);
  ng::store::load_string(fast, text, format);
  ng::store::LoadOptions serd_only;
  serd_only.plain_line_fast_path = false;
  ng::store::load_string(serd, text, format, serd_only);
  return {ng::store::write_to_string(fast, Format::NQuads),
          ng::store::write_to_string(serd, Format::NQuads)};
}

// `text` loaded with the fast path, and `reference` by Serd as `by`, as N-Quads.
std::pair<std::string, std::string> against(const std::string& text, Format format,
                                            const std::string& reference, Format by) {
  World w1, w2;
  Store fast(w1), serd(w2);
  ng::store::load_string(fast, text, format);
  ng::store::load_string(serd, reference, by);
  return {ng::store::write_to_string(fast, Format::NQuads),
          ng::store::write_to_string(serd, Format::NQuads)};
}

}  // namespace

TEST_CASE("plain lines are read into Serd's nodes", "[store][reader][ntriples]") {
  LineTerms t;
  REQUIRE(scan_plain_line("<http://a/s>\t<http://a/p>  \"v\xC3\xA9\"@en-GB . # note", false, "p_",
                          t) == LineKind::Statement);
  CHECK(as_string(t.subject) == "http://a/s");
  CHECK(t.subject.type == SERD_URI);
  CHECK(as_string(t.object) == "v\xC3\xA9");
  CHECK(t.object.type == SERD_LITERAL);
  CHECK(as_string(t.lang) == "en-GB");
  CHECK(t.datatype.type == SERD_NOTHING);

  REQUIRE(scan_plain_line("_:b1 <http://a/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#int> _:g .",
                          true, "p_", t) == LineKind::Statement);
  CHECK(as_string(t.subject) == "p_b1");  // the document's prefix, as Serd adds it
  CHECK(t.subject.type == SERD_BLANK);
  CHECK(as_string(t.datatype) == "http://www.w3.org/2001/XMLSchema#int");
  CHECK(as_string(t.graph) == "p_g");
  CHECK(scan("<http://a/s><http://a/p><http://a/o>.") == LineKind::Statement);
  CHECK(scan("   ") == LineKind::Empty);
  CHECK(scan("# only a comment") == LineKind::Empty);
  CHECK(scan("") == LineKind::Empty);
}

TEST_CASE("lines that are not plain go to Serd", "[store][reader][ntriples]") {
  CHECK(scan("<http://a/s> <http://a/p> \"a\\\"b\" .") == LineKind::Declined);          // escape
  CHECK(scan("<http://a/s> <http://a/p> <http://a/\\u00E9> .") == LineKind::Declined);  // UCHAR
  CHECK(scan("<s> <http://a/p> <http://a/o> .") == LineKind::Declined);             // relative IRI
  CHECK(scan("<http://a/s> <http://a/p> <http://a/o o> .") == LineKind::Declined);  // space
  CHECK(scan("_:a <http://a/p> _:o.") == LineKind::Declined);          // '.' right after a label
  CHECK(scan("_:a. <http://a/p> _:o .") == LineKind::Declined);        // label ending in '.'
  CHECK(scan("_:\xC3\xA9 <http://a/p> _:o .") == LineKind::Declined);  // non-ASCII label
  CHECK(scan("<http://a/s> <http://a/p> \"\xC3\" .") == LineKind::Declined);   // bad UTF-8
  CHECK(scan("<http://a/s> <http://a/p> \"a\x01\" .") == LineKind::Declined);  // control
  CHECK(scan("<http://a/s> <http://a/p> \"x\"@ .") == LineKind::Declined);
  CHECK(scan("<http://a/s> <http://a/p> \"x\"@en- .") == LineKind::Declined);
  CHECK(scan("<http://a/s> <http://a/p> \"x\" ") == LineKind::Declined);  // no '.'
  CHECK(scan("<http://a/s> <http://a/p> \"x\" . junk") == LineKind::Declined);
  CHECK(scan("<http://a/s> <http://a/p> \"x\" <http://g> .") == LineKind::Declined);  // triples
  CHECK(scan("<http://a/s> <http://a/p> \"x\" <http://g> .", true) == LineKind::Statement);
  CHECK(scan("\"s\" <http://a/p> <http://a/o> .") == LineKind::Declined);
  // A carriage return ends a line for Serd: what follows it in a comment is not a comment.
  CHECK(scan("# note\r<http://a/s> <http://a/p> \"x\" .") == LineKind::Declined);
  CHECK(scan("<http://a/s> <http://a/p> \"x\" . # c\r<http://a/s> <http://a/p> \"y\" .") ==
        LineKind::Declined);
}

TEST_CASE("line by line loads what Serd alone loads", "[store][reader][ntriples]") {
  const std::string nt =
      "<http://a/s> <http://a/p> \"plain\" .\r\n"
      "<http://a/s> <http://a/p> \"esc\\\"aped\\n\\u00E9\" .\n"
      "# comment line\n"
      "\n"
      "_:b1 <http://a/p> _:n2 .\n"
      "_:b1 <http://a/p> \"chat\"@FR .\n"
      "<http://a/s> <http://a/p> \"x\"^^<http://www.w3.org/2001/XMLSchema#string> .\n"
      "<http://a/s> <http://a/p> \"7\"^^<http://www.w3.org/2001/XMLSchema#integer> . # c\n"
      "<http://a/\\u00E9> <http://a/p> <http://a/caf\xC3\xA9> .\n"
      "<http://a/s><http://a/p>\"tight\".\n"
      "# a comment ended by a carriage return\r<http://a/s> <http://a/p> \"after CR\" .\n"
      "<http://a/s> <http://a/p> \"x\" . # c\r<http://a/s> <http://a/p> \"after CR 2\" .\n"
      "<http://a/s> <http://a/p> \"last line without EOL\" .";
  const auto [fast, serd] = both_ways(nt, Format::NTriples);
  // A byte order mark alone on the first line is no statement, and no error.
  const std::string bom_line = "\xEF\xBB\xBF\n" + nt;
  const auto [fast_bom, serd_bom] = both_ways(bom_line, Format::NTriples);
  CHECK(fast_bom == fast);
  CHECK(serd_bom == fast);
  CHECK(fast == serd);
  CHECK(fast.find("caf\xC3\xA9") != std::string::npos);
  CHECK(fast.find("after CR 2") != std::string::npos);

  const std::string nq =
      "<http://a/s> <http://a/p> \"x\" <http://g/1> .\n"
      "_:x <http://a/p> _:y _:g .\n"
      "<http://a/s> <http://a/p> \"in default\" .\n"
      "<http://a/s> <http://a/p> \"esc\\t\" <http://g/1> .\n";
  const std::string trig =
      "<http://g/1> { <http://a/s> <http://a/p> \"x\", \"esc\\t\" . }\n"
      "_:g { _:x <http://a/p> _:y . }\n"
      "<http://a/s> <http://a/p> \"in default\" .\n";
  const auto [fast_q, serd_q] = both_ways(nq, Format::NQuads);
  CHECK(fast_q == serd_q);
  // And what the quads mean, read from TriG.
  const auto [fast_t, trig_t] = against(nq, Format::NQuads, trig, Format::TriG);
  CHECK(fast_t == trig_t);
}

TEST_CASE("an error after many plain lines is reported at its own line",
          "[store][reader][ntriples]") {
  std::string nt;
  for (int i = 0; i < 5000; ++i) {
    nt += "<http://a/s" + std::to_string(i) + "> <http://a/p> \"v\" .\n";
  }
  nt += "<http://a/s> <http://a/p> \"bad\\q\" .\n";
  World world;
  Store store(world);
  try {
    ng::store::load_string(store, nt, Format::NTriples, {}, "big.nt");
    FAIL("no error");
  } catch (const RdfSyntaxError& e) {
    CHECK(std::string(e.what()).find("big.nt:5001:") != std::string::npos);
    CHECK(std::string(e.what()).find("escape") != std::string::npos);
  }
  CHECK(store.size() == 0);  // nothing of a failed document stays
}

TEST_CASE("a line that starts no statement is an error, not the end of the document",
          "[store][reader][ntriples]") {
  // Serd 0.30 stops quietly at such a line in N-Quads: the document would load as empty.
  for (const bool fast : {true, false}) {
    World world;
    Store store(world);
    ng::store::LoadOptions options;
    options.plain_line_fast_path = fast;
    try {
      ng::store::load_string(store,
                             "ple/p> <http://a/o> . # comment\n<http://a/s> <http://a/p> \"x\" .\n",
                             Format::NQuads, options, "cut.nq");
      FAIL("no error");
    } catch (const RdfSyntaxError& e) {
      CHECK(std::string(e.what()).find("cut.nq:1:1: not an N-Quads statement") == 0);
    }
    CHECK(store.size() == 0);
  }
}
