// Stage 2's speed-ups against the simple versions (its comparison of a std::string with a C
// string is tested in extract_speed17_test.cpp): the key filter of find_mentions
// (claim_key_filter.hpp) never turns away a key it was given; stage 1's entities handed over in
// memory (stage1_handover.cpp) are the ones its quads state (read_stage1_entities).
#include <catch2/catch.hpp>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "both_stages.hpp"
#include "extract/claim_key_filter.hpp"
#include "extract/stage1_entities.hpp"
#include "extract/text.hpp"
#include "rdf/quad_buffer.hpp"

namespace ng::extract::claims {
namespace {

TEST_CASE("stage 2 key filter: every added key may start a name, most others not",
          "[stage2][perf]") {
  KeyHashFilter empty;
  CHECK_FALSE(empty.may_contain(hash_key("harbour")));
  CHECK_FALSE(empty.may_contain(hash_key("")));

  KeyHashFilter names;
  std::vector<std::string> added;
  for (int k = 0; k < 120; ++k) added.push_back("name" + std::to_string(k));
  for (const std::string& key : added) names.add(hash_key(key));
  for (const std::string& key : added) CHECK(names.may_contain(hash_key(key)));
  // Keys never added: turned away unless their bit was set by chance (120 of 1024 bits).
  std::size_t maybe = 0;
  for (int k = 0; k < 1000; ++k) {
    if (names.may_contain(hash_key("other" + std::to_string(k)))) ++maybe;
  }
  CHECK(maybe < 250);

  KeyHashFilter one;
  one.add(hash_key("lagoon"));
  CHECK(one.may_contain(hash_key("lagoon")));
  std::size_t one_maybe = 0;
  for (int k = 0; k < 1000; ++k) {
    if (one.may_contain(hash_key("other" + std::to_string(k)))) ++one_maybe;
  }
  CHECK(one_maybe < 20);
}

// Invented articles: government bodies representing states, cities in their countries, an
// acronym as an alternative label, an unnamed minister found to be a named one.
const std::vector<std::string> kHandoverArticles = {
    "NAIROBI, March 10 (Reuters) - The Kenyan government said on Tuesday that al-Shabaab "
    "fighters attacked a police post in Mandera, killing four officers. Interior Minister Jane "
    "Wambui told reporters the attackers fled toward the Somali border. A police spokesman said "
    "two more officers were wounded. The spokesman, Peter Otieno, added that the security forces "
    "had pursued the militants. Somalia's foreign ministry denied that the group operated from "
    "its territory.",
    "Army troops clashed with fighters of the Popular Liberation Front near Goma on Monday, the "
    "Congolese army said. Front spokesman Marc Ilunga said the group killed 12 soldiers, a figure "
    "the army rejected. Qatar offered to host talks between the government in Kinshasa and the "
    "Popular Liberation Front (PLF), the Qatari foreign ministry said. The PLF accused Rwanda of "
    "sending weapons, an accusation Kigali denied.",
    "The Omani foreign minister said talks between Iran and the United States would resume in "
    "Muscat. Foreign Minister Badr Albusaidi told reporters in Muscat that both delegations had "
    "agreed to meet. Iranian Foreign Minister Ali Rezaei said Tehran wanted guarantees. The "
    "Iranian foreign minister accused Washington of bad faith.",
    "",
    "No names at all here. Nothing happened.",
};

Article handover_article(const std::string& text, std::size_t k) {
  Article a;
  a.id = "handover-" + std::to_string(k);
  a.date = "2026-03-10";
  a.text = text;
  return a;
}

// Stage 1 over an article: its quads and what it hands over.
struct Stage1Output {
  BufferSink quads;
  TextAnalysis text;
  explicit Stage1Output(const Article& a) { ng_test::stages().stage1.extract(a, quads, text); }
};

TEST_CASE("stage 1 hands over the entities its quads state", "[stage2][perf]") {
  for (std::size_t k = 0; k < kHandoverArticles.size(); ++k) {
    INFO("article " << k);
    const Article a = handover_article(kHandoverArticles[k], k);
    Stage1Output s1(a);
    const Stage1Entities& handed = s1.text.entities;
    const Stage1Entities read =
        read_stage1_entities(s1.quads.quads, graph_iri(a.id), article_iri(a.id));
    REQUIRE(handed.filled);
    CHECK(handed.entities == read.entities);
    // The sentences written: by index in memory, by IRI in the quads.
    REQUIRE(handed.sentence_written.size() == s1.text.sentences.size());
    std::size_t written = 0;
    for (std::size_t si = 0; si < s1.text.sentences.size(); ++si) {
      const Sentence& s = s1.text.sentences[si];
      const std::string iri =
          article_iri(a.id) + "#char=" +
          std::to_string(code_point_count(a.text, s1.text.norm.original_offset(s.begin))) + "," +
          std::to_string(code_point_count(a.text, s1.text.norm.original_offset(s.end)));
      CHECK(handed.sentence_written[si] == (read.sentence_iris.count(iri) > 0));
      if (handed.sentence_written[si]) ++written;
    }
    CHECK(written == read.sentence_iris.size());
  }
  // The articles hold what the handover has to mirror (else this test proves little).
  const Article a = handover_article(kHandoverArticles[1], 1);
  Stage1Output s1(a);
  bool alts = false, represents = false, part_of = false, actor = false, evidence = false;
  for (const Stage1Entity& e : s1.text.entities.entities) {
    alts = alts || !e.alts.empty();
    represents = represents || !e.represents.empty();
    part_of = part_of || !e.part_of.empty();
    actor = actor || e.mentioned_actor;
    evidence = evidence || e.evidence > 0;
  }
  CHECK(alts);
  CHECK(represents);
  CHECK(part_of);
  CHECK(actor);
  CHECK(evidence);
}

TEST_CASE("stage 2 writes the same quads with stage 1's entities handed over or read back",
          "[stage2][perf]") {
  for (std::size_t k = 0; k < kHandoverArticles.size(); ++k) {
    INFO("article " << k);
    const Article a = handover_article(kHandoverArticles[k], k);
    Stage1Output handed(a);
    Stage1Output read_back(a);
    read_back.text.entities = Stage1Entities{};  // not handed over: stage 2 reads the quads
    VectorSink with_handover, from_quads;
    ng_test::stages().stage2.extract(a, handed.quads.quads, with_handover, std::move(handed.text));
    ng_test::stages().stage2.extract(a, read_back.quads.quads, from_quads,
                                     std::move(read_back.text));
    CHECK(with_handover.quads == from_quads.quads);
    if (k < 3) CHECK_FALSE(from_quads.quads.empty());
  }
}

}  // namespace
}  // namespace ng::extract::claims
