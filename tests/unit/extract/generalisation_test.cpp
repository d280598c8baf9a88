// Mechanisms added for articles about conflicts the development set does not cover (the
// held-out set, tests/data/heldout): one case per mechanism, on sentences of their own.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <string_view>

#include "both_stages.hpp"
#include "extract/extractor.hpp"
#include "extract/lexicon.hpp"
#include "extract/stage2.hpp"
#include "rdf/vocab.hpp"
#include "two_stage_run.hpp"

using namespace ng::extract;

namespace {

using ng_test::has_class;

using ng_test::ng_term;
using ng_test::stages;

struct Run : ng_test::TwoStageRun {
  explicit Run(const std::string& text) : TwoStageRun(text, "g") {}
};

using ng_test::has;

}  // namespace

TEST_CASE("lexicon: a '*suffix' spelling matches tokens ending with it",
          "[extract][lexicon][generalisation]") {
  const std::unordered_set<std::string> abbr;
  Lexicon lex = Lexicon::parse("phrase\n*-led|*-backed\n", "p.tsv", abbr);
  const auto tokens = tokenize("The Saudi-led coalition and Iran-backed militias; led -led", abbr);
  std::vector<PhraseIndex::Match> m;
  lex.index().match(tokens, 1, tokens.size(), m);  // "Saudi-led"
  REQUIRE(m.size() == 1);
  CHECK(m[0].length == 1);
  lex.index().match(tokens, 4, tokens.size(), m);  // "Iran-backed"
  CHECK(m.size() == 1);
  lex.index().match(tokens, 2, tokens.size(), m);  // "coalition"
  CHECK(m.empty());
  PhraseIndex::Match one{0, 0};
  CHECK_FALSE(lex.index().longest(tokens, 7, tokens.size(), one));  // "led"
}

TEST_CASE("persons: ranks after an office, Sheikh in the name, remit in the role",
          "[extract][generalisation]") {
  Run a("Chad's army spokesman, Col. Idriss Mahamat Abakar, said the column was destroyed.");
  CHECK(a.labels("Person") == std::set<std::string>{"Idriss Mahamat Abakar"});
  Run b("Kuwaiti Foreign Minister Sheikh Salem Abdullah Al Sabah said talks would resume.");
  CHECK(b.labels("Person") == std::set<std::string>{"Sheikh Salem Abdullah Al Sabah"});
  Run c("UN special envoy for Libya Hanna Tetteh said the truce was fragile.");
  CHECK(c.labels("Person") == std::set<std::string>{"Hanna Tetteh"});
}

TEST_CASE("organisations by head word, with a place inside and a 'for' tail",
          "[extract][generalisation]") {
  Run r(
      "The Somali Journalists Network said two reporters were detained. According to the "
      "Assistance Centre for Missing Persons, a charity, 300 people are unaccounted for.");
  const auto orgs = r.labels("Organization");
  CHECK(has(orgs, "Somali Journalists Network"));
  CHECK(has(orgs, "Assistance Centre for Missing Persons"));
  CHECK_FALSE(has(orgs, "Journalists Network"));
  CHECK_FALSE(has(orgs, "Missing Persons"));
}

TEST_CASE("armed groups defined with 'the' inside and a prefix outside the name",
          "[extract][generalisation]") {
  Run r(
      "The Patriotic Forces for the Defence of Ituri (PFDI) said they had retaken the hill. "
      "The Kremlin-backed Sparta Battalion denied it.");
  const auto groups = r.labels("ArmedGroup");
  CHECK(has(groups, "Patriotic Forces for the Defence of Ituri"));
  CHECK(has(groups, "Sparta Battalion"));
  CHECK_FALSE(has(groups, "Kremlin-backed Sparta Battalion"));
}

TEST_CASE("government bodies named by who runs them or by their territory",
          "[extract][generalisation]") {
  Run r(
      "The Hamas-run interior ministry said the strike killed four people. The Gaza Health "
      "Ministry said hospitals were full.");
  const auto gov = r.labels("Government");
  CHECK(has(gov, "Hamas-run interior ministry"));
  CHECK(has(gov, "Gaza Health Ministry"));
  CHECK_FALSE(has(gov, "Health Ministry"));
}

TEST_CASE("places: villages, 'A and B districts', regions named with who holds them",
          "[extract][generalisation]") {
  Run r(
      "Shells fell on Kibumba Ngangi village and in the Kalehe and Kabare districts. Fighting "
      "continued in Russian-occupied Crimea.");
  CHECK(has(r.labels("City"), "Kibumba Ngangi"));
  const auto regions = r.labels("Region");
  CHECK(has(regions, "Kalehe"));
  CHECK(has(regions, "Kabare"));
  CHECK(has(regions, "Russian-occupied Crimea"));
}

TEST_CASE("events: coordinated triggers share places, a struck capital is a place",
          "[extract][generalisation]") {
  Run a("Russia fired drones and a barrage of missiles at Odesa and Kharkiv on Tuesday.");
  const auto ev = a.events();
  CHECK(has(ev, "DroneAttack@Odesa"));
  CHECK(has(ev, "DroneAttack@Kharkiv"));
  CHECK(has(ev, "MissileStrike@Odesa"));
  CHECK(has(ev, "MissileStrike@Kharkiv"));
  Run b("Rebel drones hit the capital Bamako on Sunday.");
  CHECK(has(b.events(), "DroneAttack@Bamako"));
}

TEST_CASE("events: 'said on Friday' dates the report, not the event", "[extract][generalisation]") {
  Run r("Gunmen killed 12 villagers near Gao, local officials said on Friday.");
  const auto dates = r.event_dates();
  CHECK(std::find(dates.begin(), dates.end(), "2026-03-06") == dates.end());
}

TEST_CASE("mediation: U.S.-brokered, a relative clause's antecedent, known mediators",
          "[extract][stage2][generalisation]") {
  Run a("A U.S.-brokered truce between Ethiopia and Eritrea held through the winter.");
  CHECK(a.mediations() == std::set<std::string>{"United States: Eritrea/Ethiopia Succeeded"});
  Run b(
      "Egypt is mediating between Israel and Hamas. Egypt hosted both delegations and Egypt "
      "urged calm. The United States, which brokered a truce last year, called for restraint.");
  CHECK(has(b.mediations(), "United States: Hamas/Israel Succeeded"));
  Run c("Angola offered to host direct talks between Rwanda and Burundi.");
  CHECK(c.mediations() == std::set<std::string>{"Angola: Burundi/Rwanda Offered"});
}

TEST_CASE("claims: no threat by the speaker when a noun threatens, the side's offer wins",
          "[extract][stage2][generalisation]") {
  Run a("UN envoy Jan Kubis said the violence threatened to derail the talks.");
  for (const std::string& c : a.claims()) CHECK(c.find("Threat") == std::string::npos);
  Run b(
      "Kenya has offered to host talks between Sudan and South Sudan, Kenyan Foreign Minister "
      "Musalia Mudavadi said.");
  const auto claims = b.claims();
  CHECK(has(claims, "Kenya Offer"));
  for (const std::string& c : claims) CHECK(c.rfind("Musalia Mudavadi", 0) == std::string::npos);
}

TEST_CASE("casualties: 'killing and wounding N' gives both figures, 'what it said was' is no claim",
          "[extract][stage2][generalisation]") {
  Run a(
      "The M23 said its fighters ambushed a convoy near Goma, killing and wounding dozens of "
      "soldiers.");
  bool both = false;
  for (const std::string& f : a.of_type("CasualtyFigure")) {
    both |= !a.objects(f, ng_term("killed")).empty() && !a.objects(f, ng_term("wounded")).empty();
  }
  CHECK(both);
  // Without the hedge rule "it" would be France, the last group to speak.
  Run b(
      "France said its jets were ready. In 2016 a car bomb killed 30 soldiers in Gao, prompting "
      "French airstrikes on what it said was a militant base.");
  CHECK(b.of_type("CasualtyClaim").empty());
}

TEST_CASE("events: a violent event with neither place nor time is not reported",
          "[extract][generalisation]") {
  Run r("The attacks have intensified, and the fighting has displaced thousands.");
  CHECK(r.of_type("GroundAttack").empty());
  CHECK(r.of_type("Clash").empty());
  Run kept("The attacks on Kharkiv have intensified.");
  CHECK(has(kept.events(), "GroundAttack@Kharkiv"));
}

TEST_CASE("casualties: a year after 'in' is not a figure", "[extract][stage2][generalisation]") {
  Run r("France said its jets were ready. In 2016 a car bomb killed 30 soldiers in Gao, it said.");
  std::vector<std::string> killed;
  for (const std::string& f : r.of_type("CasualtyFigure")) {
    for (const std::string& k : r.objects(f, ng_term("killed"))) killed.push_back(k);
  }
  CHECK(std::find(killed.begin(), killed.end(), "2016") == killed.end());
  CHECK(std::find(killed.begin(), killed.end(), "30") != killed.end());
}

TEST_CASE("claims: 'which it accuses' is the sentence's subject, a place after 'in' is no subject",
          "[extract][stage2][generalisation]") {
  Run a(
      "The United Nations called for calm. The Malian government has expelled the envoy of "
      "Algeria, which it accuses of arming rebels.");
  const auto ca = a.claims();
  CHECK_FALSE(has(ca, "United Nations Accusation"));
  CHECK(has(ca, "Malian government Accusation"));
  Run b(
      "Army spokesman Issa Diallo spoke in Bamako. He told reporters in Bamako that the claims "
      "were "
      "false and said no troops were there.");
  for (const std::string& c : b.claims()) CHECK(c.rfind("Mali", 0) == std::string::npos);
}

TEST_CASE("casualties: a quoted vague figure, residents are an unnamed source",
          "[extract][stage2][generalisation]") {
  Run a("The Sudanese army said its troops repelled the attack, killing \"hundreds\" of fighters.");
  std::vector<std::string> killed;
  for (const std::string& f : a.of_type("CasualtyFigure")) {
    for (const std::string& k : a.objects(f, ng_term("killed"))) killed.push_back(k);
  }
  CHECK(std::find(killed.begin(), killed.end(), "hundreds") != killed.end());
  Run b("Strikes hit the capital Sanaa overnight, residents said.");
  CHECK(b.claims().empty());
}

TEST_CASE("actors: '... Government', '... Force(s)', an office's remit before the name",
          "[extract][generalisation]") {
  Run r(
      "The rival Government of National Salvation and the opposition Transitional Federal "
      "Government met. Allied Shield Forces and the elite Saberin Force fought on. The Pakistan "
      "Air "
      "Force said it was ready. EU special representative for Sahel Joao Cravinho said talks "
      "would resume.");
  CHECK(has(r.labels("Government"), "Transitional Federal Government"));
  const auto groups = r.labels("ArmedGroup");
  CHECK(has(groups, "Allied Shield Forces"));
  CHECK(has(groups, "Saberin Force"));
  CHECK_FALSE(has(groups, "Air Force"));
  CHECK(has(r.labels("Person"), "Joao Cravinho"));
}

TEST_CASE("places: a country after 'into neighbouring' is a place", "[extract][generalisation]") {
  Run r("More than 60,000 people fled into neighbouring Burundi.");
  CHECK(has(r.labels("Country"), "Burundi"));
  bool place = false;
  for (const auto& q : r.s1.quads) {
    place |= q.predicate.value == ng_term("mentionsPlace") && r.label(q.object.value) == "Burundi";
  }
  CHECK(place);
}

TEST_CASE("events: 'fled to X' is no event place, a held region swallows its inner region",
          "[extract][generalisation]") {
  Run a("Shelling hit Kharkiv on Monday, prompting thousands to flee to Poland.");
  const auto ev = a.events();
  CHECK(has(ev, "Shelling@Kharkiv"));
  CHECK_FALSE(has(ev, "Shelling@Poland"));
  Run b("Artillery fire hit Russian-occupied Crimea on Monday.");
  CHECK(has(b.events(), "Shelling@Russian-occupied Crimea"));
  CHECK_FALSE(has(b.events(), "Shelling@Crimea"));
  Run c("The army recaptured Kharkiv in March.");
  CHECK(has(c.events(), "Capture@Kharkiv"));
}

TEST_CASE("claims: 'according to <demonym> authorities' is a described speaker",
          "[extract][stage2][generalisation]") {
  Run r(
      "Russia attacks Ukraine often. A missile strike on a hospital in Kharkiv killed 9 people, "
      "according to Ukrainian authorities.");
  CHECK(has(r.claims(), "Ukrainian authorities CasualtyClaim"));
}

TEST_CASE("events: an event reported without any time takes the article's date",
          "[extract][generalisation]") {
  Run r("Drones hit Kharkiv, officials said.");
  const auto dates = r.event_dates();
  CHECK(std::find(dates.begin(), dates.end(), "2026-03-10") != dates.end());
  bool time_text = false;
  for (const auto& q : r.s1.quads) time_text |= q.predicate.value == ng_term("timeText");
  CHECK_FALSE(time_text);
}

TEST_CASE("places: a gazetteer city named with an area's head word is that area",
          "[extract][generalisation]") {
  Run r("Drones struck the Bakhmut district and the Mariupol province on Monday.");
  CHECK(has(r.labels("Region"), "Bakhmut district"));
  CHECK(has(r.labels("Province"), "Mariupol province"));
  CHECK_FALSE(has(r.labels("City"), "Bakhmut district"));
}

TEST_CASE("mediation: 'UN-led peace process' names the mediator only before a mediation object",
          "[extract][stage2][generalisation]") {
  Run a(
      "The United Nations (UN) urged calm. A UN-led peace process between Ethiopia and Eritrea "
      "resumed on Monday.");
  CHECK(has(a.mediations(), "United Nations: Eritrea/Ethiopia Ongoing"));
  Run b("A Saudi-led coalition bombed positions held by Ethiopia and Eritrea.");
  CHECK(b.mediations().empty());
}

TEST_CASE("places: a gazetteer town that starts a site's name brings no country",
          "[extract][generalisation]") {
  Run r("A missile hit Ben Gurion airport on Monday.");
  CHECK(has(r.labels("Site"), "Ben Gurion airport"));
  CHECK_FALSE(has(r.labels("Country"), "Switzerland"));
}

TEST_CASE("actors: 'X's military action' is no body, a rule's look-ahead word can trigger",
          "[extract][generalisation]") {
  Run a("China regretted India's military action and Mali's military capabilities grew.");
  CHECK(a.labels("Government").empty());
  Run b("Indian and Pakistani troops exchanged heavy fire along the Line of Control on Monday.");
  // "Pakistani troops" are the state's (no actor of their own): the agent is Pakistan.
  CHECK(has(b.labels("Country"), "Pakistan"));
  CHECK(has(b.events(), "Clash@Line of Control"));
}

TEST_CASE("claims: a denial answers the accuser, a mediation offer targets the sides",
          "[extract][stage2][generalisation]") {
  Run a("Ethiopia accuses Eritrea of arming rebels. Eritrea denies supporting the rebels.");
  std::string target;
  for (const auto& q : a.s2.quads) {
    if (q.predicate.value != ng_term("claimant") || a.label(q.object.value) != "Eritrea") continue;
    for (const std::string& t : a.objects(q.subject.value, ng_term("target"))) target = a.label(t);
  }
  CHECK(target == "Ethiopia");
  Run b(
      "Ethiopia and Eritrea clashed again. Ethiopia shelled Eritrea. Kenya offered to mediate "
      "between the neighbours.");
  bool targeted = false;
  for (const auto& q : b.s2.quads) {
    if (q.predicate.value != ng_term("claimant") || b.label(q.object.value) != "Kenya") continue;
    targeted |= !b.objects(q.subject.value, ng_term("target")).empty();
  }
  CHECK(targeted);
}

TEST_CASE("events: 'drones struck X' is one drone attack, 'any strikes' is no event",
          "[extract][generalisation]") {
  Run a("Government drones struck a market in Kharkiv on Wednesday.");
  CHECK(has(a.events(), "DroneAttack@Kharkiv"));
  CHECK_FALSE(has(a.events(), "Airstrike@Kharkiv"));
  Run b("The spokesman denied that the army had carried out any strikes in Kharkiv on Monday.");
  CHECK(b.events().empty());
}

TEST_CASE("places: 'called on Washington' is no place, 'since' puts no date in focus",
          "[extract][generalisation]") {
  Run a("Aoun called on Washington and Paris to stop the attacks on Kharkiv.");
  for (const std::string& e : a.events()) {
    CHECK(e.find("Washington") == std::string::npos);
    CHECK(e.find("Paris") == std::string::npos);
  }
  Run b(
      "Monitors documented 7,000 violations since November 2024.\nShelling hit Kharkiv, "
      "officials said.");
  const auto dates = b.event_dates();
  CHECK(std::find(dates.begin(), dates.end(), "2024-11") == dates.end());
}

TEST_CASE("actors and places: 'the Federal Government of X', a settlement 'near X'",
          "[extract][generalisation]") {
  Run r(
      "US forces said they had conducted an airstrike near Bariire on Sunday in coordination "
      "with the Federal Government of Somalia.");
  CHECK(has(r.labels("Government"), "Federal Government of Somalia"));
  CHECK(has(r.labels("City"), "Bariire"));
  CHECK(has(r.events(), "Airstrike@Bariire"));
}

TEST_CASE("mediation: coordinated guarantors before 'which', no 'Guerrillas of' in a name",
          "[extract][stage2][generalisation]") {
  Run a(
      "Ethiopia and Eritrea clashed. Kenya and Norway, which had acted as guarantors of the talks, "
      "urged calm.");
  const auto m = a.mediations();
  CHECK(has(m, "Kenya: Eritrea/Ethiopia Ongoing"));
  CHECK(has(m, "Norway: Eritrea/Ethiopia Ongoing"));
  Run b("Guerrillas of the Popular Liberation Army (PLA) killed seven soldiers in Tigray.");
  CHECK(has(b.labels("ArmedGroup"), "Popular Liberation Army"));
  CHECK_FALSE(has(b.labels("ArmedGroup"), "Guerrillas of the Popular Liberation Army"));
}

TEST_CASE("actors: a name before 'gang coalition' or 'militia' is an armed group",
          "[extract][generalisation]") {
  Run r(
      "The Grand Ravine gang coalition attacked the town. Officials said the Zanmi Lakay militia "
      "withdrew.");
  const auto groups = r.labels("ArmedGroup");
  CHECK(has(groups, "Grand Ravine"));
  CHECK((has(groups, "Zanmi Lakay") || has(groups, "Zanmi Lakay militia")));
  CHECK(r.labels("Person").empty());
}

TEST_CASE("persons: 'X, governor of Y', events: a swap is a prisoner exchange",
          "[extract][generalisation]") {
  Run p("Oleh Syniehubov, governor of the Kharkiv region, visited the site on Sunday.");
  CHECK(has(p.labels("Person"), "Oleh Syniehubov"));
  Run r("The two sides completed a swap on Sunday, officials said.");
  CHECK_FALSE(r.of_type("PrisonerExchange").empty());
}

TEST_CASE("events: 'recaptured X in central Y', said on Friday, is kept and placed",
          "[extract][generalisation]") {
  Run r("The army said on Friday it had recaptured the palace in central Kharkiv.");
  CHECK(has(r.events(), "Capture@Kharkiv"));
  Run m("Ethiopia and Eritrea clashed. Kenya and Norway co-hosted talks in Nairobi in 2023.");
  CHECK(has(m.mediations(), "Kenya: Eritrea/Ethiopia Ongoing"));
}

TEST_CASE("datelines after a headline line, 'talks between A and B' are no venue",
          "[extract][generalisation]") {
  Run a(
      "Drones hit Kharkiv\n\nODESA, Ukraine (AP) - Russian drones hit Kharkiv overnight, officials "
      "said.");
  for (const std::string& e : a.events()) CHECK(e.find("Odesa") == std::string::npos);
  Run b(
      "Oman, which has been mediating talks between Tehran and Baghdad, said the next round of "
      "talks in Muscat was cancelled.");
  for (const std::string& e : b.events()) {
    CHECK(e.find("Tehran") == std::string::npos);
    CHECK(e.find("Baghdad") == std::string::npos);
  }
}

TEST_CASE("actors: two name particles ('van de'), '... Community' bodies with a compass word",
          "[extract][generalisation]") {
  Run r(
      "Vivian van de Perre, deputy head of the mission, said leaders of the Southern African "
      "Development Community would meet.");
  CHECK(has(r.labels("Person"), "Vivian van de Perre"));
  CHECK(has(r.labels("Organization"), "Southern African Development Community"));
}

TEST_CASE("claims: 'He said X wanted' is said by him, 'Mr X' without a period",
          "[extract][stage2][generalisation]") {
  Run r(
      "Foreign Minister Ahmed Attaf said talks would resume. He said Morocco wanted war. \"We "
      "will not accept it,\" Mr Attaf said.");
  const auto c = r.claims();
  CHECK_FALSE(has(c, "Morocco StatementClaim"));
  CHECK(r.labels("Person") == std::set<std::string>{"Ahmed Attaf"});
}

TEST_CASE("time: the sentence's first dated event is the focus, an agreement keeps its date",
          "[extract][generalisation]") {
  Run a(
      "Ethiopia accused Eritrea of shelling Axum overnight, weeks after a truce agreed last "
      "month.\nShells also hit Badme, officials said.");
  const auto dates = a.event_dates();
  CHECK(std::find(dates.begin(), dates.end(), "2026-03-10") != dates.end());
  CHECK(std::count(dates.begin(), dates.end(), "2026-02") <= 1);
  Run b("The two countries said on March 2 that they had finalised a peace agreement.");
  const auto bd = b.event_dates();
  CHECK(std::find(bd.begin(), bd.end(), "2026-03-02") != bd.end());
}

TEST_CASE("claims: '..., a medical group said' is an unnamed speaker, not the sentence's state",
          "[extract][stage2][generalisation]") {
  Run r("Sudan's RSF killed at least 40 people near El Fasher, a medical group said on Tuesday.");
  for (const std::string& c : r.claims()) CHECK(c.rfind("Sudan", 0) == std::string::npos);
  Run k(
      "Morocco's spokesman Ali Ben said the plan was a distraction and accused Algeria of "
      "stalling.");
  CHECK(has(k.claims(), "Ali Ben Accusation"));
}

// Mechanisms added for the second held-out set (tests/data/heldout2).

TEST_CASE("events: the dateline after a headline line is where the report was filed",
          "[extract][generalisation]") {
  Run r(
      "Rebels shell border town as talks stall\n\nGOMA, Congo (Reuters) - Rebels shelled the "
      "town of Sake on Monday.");
  const auto ev = r.all_events();
  CHECK(ev.count("Shelling@Sake") == 1);
  CHECK(ev.count("Shelling@Goma") == 0);
}

TEST_CASE("events: 'talks between A and B in C' has one place, C", "[extract][generalisation]") {
  // (Talks merely offered are no event since heldout13: not_event_cues.tsv, "offered to host".)
  Run r("Kenya hosted talks between Ethiopia and Eritrea in Nairobi on Monday.");
  const auto ev = r.all_events();
  CHECK(ev.count("Negotiation@Nairobi") == 1);
  CHECK(ev.count("Negotiation@Ethiopia") == 0);
  CHECK(ev.count("Negotiation@Eritrea") == 0);
  // A party, not a place of the article.
  const auto places = r.objects(article_iri("g"), ng_term("mentionsPlace"));
  CHECK(std::none_of(places.begin(), places.end(),
                     [&](const std::string& p) { return r.label(p) == "Ethiopia"; }));
  CHECK(std::any_of(places.begin(), places.end(),
                    [&](const std::string& p) { return r.label(p) == "Nairobi"; }));
}

TEST_CASE("places: a compass word before a province named with its head word qualifies it",
          "[extract][generalisation]") {
  Run r("Gunmen attacked a camp in the central Kunduz province and in eastern Congo.");
  const auto regions = r.labels("Region");
  CHECK(regions.count("central Kunduz province") == 0);
  CHECK(regions.count("eastern Congo") == 1);
}

TEST_CASE("events: a compound of two triggers is one event of the modifier's class",
          "[extract][generalisation]") {
  Run r("A car bomb attack on a market in Kismayo killed nine people on Monday.");
  const auto ev = r.all_events();
  CHECK(ev.count("Bombing@Kismayo") == 1);
  CHECK(!has_class(ev, "GroundAttack"));
}

TEST_CASE("events: a striking verb whose subject is a weapon reports the weapon's event",
          "[extract][generalisation]") {
  Run r(
      "Most of the rockets were shot down, the army said, but two got through and struck homes "
      "in Kharkiv on Monday.");
  const auto ev = r.all_events();
  CHECK(ev.count("Shelling@Kharkiv") == 1);
  CHECK(!has_class(ev, "Airstrike"));
}

TEST_CASE("events: a truce called for, talks one is open to, power seized are no events",
          "[extract][generalisation]") {
  Run a("Turkey called for an immediate ceasefire and said it was open to talks.");
  const auto ev = a.all_events();
  CHECK(!has_class(ev, "Ceasefire"));
  CHECK(!has_class(ev, "Negotiation"));
  Run b("The general, who seized power in 2021, agreed to a ceasefire in Juba on Monday.");
  const auto ev2 = b.all_events();
  CHECK(!has_class(ev2, "Capture"));
  CHECK(ev2.count("Ceasefire@Juba") == 1);
  Run c("Mediators said no talks had been scheduled.");
  CHECK(!has_class(c.all_events(), "Negotiation"));
}

TEST_CASE("events: 'told X by phone' is a contact, 'reached by telephone' is not",
          "[extract][generalisation]") {
  Run a("Kenyan President William Ruto told Abiy Ahmed by phone that he was ready to help.");
  CHECK(has_class(a.all_events(), "DiplomaticContact"));
  Run b("One resident reached by telephone said the shooting lasted hours.");
  CHECK(!has_class(b.all_events(), "DiplomaticContact"));
}

TEST_CASE("events: a tally of posts or vehicles captured is no capture event",
          "[extract][generalisation]") {
  Run a("The militants said they had killed 40 soldiers and captured several vehicles.");
  CHECK(!has_class(a.all_events(), "Capture"));
  Run b("Rebels captured the town of Masisi on Sunday.");
  CHECK(b.all_events().count("Capture@Masisi") == 1);
}

TEST_CASE("claims: a described source without a side speaks, a dateline speaks for nobody",
          "[extract][stage2][generalisation]") {
  Run a("A security source said more than 100 people were killed in the raid.");
  CHECK(has(a.figures(), "security source: 100//people"));
  Run b("Officials said 12 people were killed.");
  CHECK(b.figures().empty());
  Run c(
      "Attack kills dozens in Mali\n\nDAKAR, Senegal (AFP) - Jihadists killed 30 soldiers, "
      "security sources told AFP on Sunday.");
  for (const std::string& f : c.figures()) CHECK(f.rfind("Senegal", 0) != 0);
  CHECK(has(c.figures(), "security sources: 30//soldiers"));
}

TEST_CASE("claims: 'a civilian was killed' is one, coordinated figures share their verb",
          "[extract][stage2][generalisation]") {
  Run a("Police officer Ali Warsame said three soldiers and a civilian were killed.");
  CHECK(has(a.figures(), "Ali Warsame: 3//soldiers"));
  CHECK(has(a.figures(), "Ali Warsame: 1//civilian"));
  Run b("Ali Warsame said a bomb killed four people.");
  CHECK(b.figures() == std::set<std::string>{"Ali Warsame: 4//people"});
}

TEST_CASE("claims: a time word ends the victims, quoted verbs and figures, 'killing a ...'",
          "[extract][stage2][generalisation]") {
  Run a("Colonel Ali Warsame said mines wounded five soldiers earlier this week.");
  CHECK(has(a.figures(), "Ali Warsame: /5/soldiers"));
  Run b("Colonel Ali Warsame said air strikes had \"neutralised\" dozens of fighters.");
  CHECK(has(b.figures(), "Ali Warsame: dozens//fighters"));
  Run c("Colonel Ali Warsame said gunmen raided the post, killing a police officer.");
  CHECK(has(c.figures(), "Ali Warsame: 1//police officer"));
  Run d("Colonel Ali Warsame said the attack killed a total of 30 people.");
  for (const std::string& f : d.figures()) CHECK(f.find(": 1/") == std::string::npos);
}

TEST_CASE("places: a bare 'the capital' is the last capital the article named",
          "[extract][generalisation]") {
  Run r(
      "A blast struck a market in the capital, Nairobi, on Monday. In 2019, a car bomb in the "
      "capital killed 20 people.");
  CHECK(r.all_events().count("Bombing@Nairobi") >= 1);
  const auto dates = r.event_dates();
  CHECK(std::find(dates.begin(), dates.end(), "2019") != dates.end());
  // No capital named: no place. (With neither place nor time the bombing is also dropped as a
  // generic mention; what matters here is that no place is made up.)
  Run s("A car bomb in the capital killed 20 people.");
  for (const std::string& e : s.all_events()) {
    const bool placed_bombing = e.rfind("Bombing@", 0) == 0 && e != "Bombing@-";
    CHECK_FALSE(placed_bombing);
  }
}

TEST_CASE("events: a definite 'the attack' with nothing of its own restates an event",
          "[extract][generalisation]") {
  Run a("Rebels shelled Goma on Monday. The United Nations condemned the attacks.");
  CHECK(!has_class(a.all_events(), "GroundAttack"));
  Run b("In 2019, a car bomb in Kismayo killed 20 people, the deadliest attack in years.");
  CHECK(!has_class(b.all_events(), "GroundAttack"));
  Run c("Gunmen killed five people in an attack in Goma on Monday.");  // indefinite: an event
  CHECK(has_class(c.all_events(), "GroundAttack"));
}

TEST_CASE("events: a list of places after one already placed goes with it",
          "[extract][generalisation]") {
  Run r(
      "The talks, which began in 2022, have been hosted in Nairobi, Kampala, Dodoma, Lusaka, "
      "Harare and Kigali.");
  const auto ev = r.all_events();
  CHECK(ev.count("Negotiation@Nairobi") == 1);
  CHECK(ev.count("Negotiation@Kigali") == 1);
}

TEST_CASE("places: a city opening a longer site name is part of the name",
          "[extract][generalisation]") {
  Run r("Troops clashed near the Ta Moan Thom temple and at Kabul International Airport.");
  const auto cities = r.labels("City");
  CHECK(cities.count("Ta") == 0);
  CHECK(r.labels("Site").count("Ta Moan Thom temple") == 1);
  CHECK(cities.count("Kabul") == 1);
}

TEST_CASE("events: a strike from afar with no place hit the state it was aimed at",
          "[extract][generalisation]") {
  Run r("In October 2024 Iran launched hundreds of missiles at Israel.");
  CHECK(r.all_events().count("MissileStrike@Israel") == 1);
  Run g("Rebels launched a ground assault against Ethiopia in May.");  // not from afar
  CHECK(g.all_events().count("GroundAttack@Ethiopia") == 0);
}

TEST_CASE("time: a weekday said of what is to come is the next one", "[extract][generalisation]") {
  Run r("The foreign minister is due to hold talks in Muscat on Sunday.");  // report: Tue 10 March
  const auto dates = r.event_dates();
  CHECK(std::find(dates.begin(), dates.end(), "2026-03-15") != dates.end());
  Run p("Rebels shelled Goma on Sunday.");
  const auto past = p.event_dates();
  CHECK(std::find(past.begin(), past.end(), "2026-03-08") != past.end());
}

TEST_CASE("time: at equal distance the expression after the trigger dates it",
          "[extract][generalisation]") {
  Run r(
      "Talks were held in Nairobi in December, and a ceasefire agreed in Kampala in 2023 expired.");
  CHECK(r.all_events().count("Ceasefire@Kampala") == 1);
  const auto dates = r.event_dates();
  CHECK(std::find(dates.begin(), dates.end(), "2023") != dates.end());
}

// Third held-out set (tests/data/heldout3): places given by reference, longer names around
// gazetteer cities, bearings, bodies named with a country, acronyms, remits in titles.

TEST_CASE("places: 'the town' is the last place introduced as a town",
          "[extract][generalisation][heldout3]") {
  Run r(
      "Gunmen raided the town of Ambo Selam on Friday. A nurse at the town's clinic said six "
      "people died. On Sunday, rebels captured the town of Korvani, north of the provincial "
      "capital Belmora, residents said. The town was retaken by the army on Monday, an official "
      "said.");
  const auto ev = r.dated_events();
  CHECK(ev.count("Capture@Korvani/2026-03-08") == 1);
  CHECK(ev.count("Capture@Korvani/2026-03-09") == 1);
  CHECK(ev.count("Capture@Belmora/2026-03-09") == 0);
  CHECK(ev.count("Capture@Ambo Selam/2026-03-09") == 0);
  // With no place of its kind named before, "the town" is no place.
  Run n("The town was retaken by the army on Monday.");
  for (const std::string& e : n.all_events()) CHECK(e.rfind("Capture@-", 0) == 0);
}

TEST_CASE("places: 'the airport' is the last site named with that noun",
          "[extract][generalisation][heldout3]") {
  Run r(
      "Flights were diverted from Tallamo airport and the Gerzi camp was shut on Monday. The "
      "airport was struck by two rockets overnight, an official said.");
  const auto ev = r.all_events();
  CHECK(ev.count("Shelling@Tallamo airport") + ev.count("Airstrike@Tallamo airport") >= 1);
  CHECK(ev.count("Shelling@Gerzi camp") + ev.count("Airstrike@Gerzi camp") == 0);
}

TEST_CASE("places: a gazetteer city inside a longer settlement name is not that city",
          "[extract][generalisation][heldout3]") {
  Run r("Gunmen raided the town of Lundo da Praia on Saturday, killing six people.");
  CHECK(r.all_events().count("GroundAttack@Lundo da Praia") == 1);
  CHECK_FALSE(has(r.labels("City"), "Praia"));
  CHECK(r.labels("Country").empty());  // Praia is a capital: no state stands behind it here
  // Later mentions without "the town of" are the same settlement.
  Run l(
      "Troops reached the village of Kamo Sina on Friday. Fighting in Kamo Sina killed ten "
      "soldiers on Saturday.");
  CHECK(l.all_events().count("Clash@Kamo Sina") == 1);
  CHECK_FALSE(has(l.labels("City"), "Sina"));
}

TEST_CASE("places: a region named with its head word is known by its name alone later",
          "[extract][generalisation][heldout3]") {
  Run r(
      "Militiamen took the Kelemi district on Monday. A doctor in Kelemi said he had counted 11 "
      "bodies.");
  for (const std::string& p : r.labels("Person")) CHECK(p.find("Kelemi") == std::string::npos);
  CHECK(has(r.labels("Region"), "Kelemi district"));
}

TEST_CASE("places: a bearing's reference point is context when the event has a place",
          "[extract][generalisation][heldout3]") {
  Run r("Drones struck a convoy near the village of Tarsk, west of the city of Velma, on Monday.");
  const auto ev = r.all_events();
  CHECK(ev.count("DroneAttack@Tarsk") == 1);
  CHECK(ev.count("DroneAttack@Velma") == 0);
  // Alone, it locates the event.
  Run a("Drones struck a convoy 40 km west of Mombasa on Monday.");
  CHECK(a.all_events().count("DroneAttack@Mombasa") == 1);
}

TEST_CASE("places: a capital standing for its state is not the next 'the capital'",
          "[extract][generalisation][heldout3]") {
  Run r(
      "A blast hit a market in the capital, Kampala, on Monday. Nairobi said it was ready to help. "
      "On Tuesday a second bomb exploded in the capital.");
  const auto ev = r.all_events();
  CHECK(ev.count("Bombing@Kampala") >= 1);
  CHECK(ev.count("Bombing@Nairobi") == 0);
}

TEST_CASE("places: a state met through its demonym is labelled as the article writes its name",
          "[extract][generalisation][heldout3]") {
  Run r("Turkish troops shelled a village near Zakho on Sunday. Turkey said the raid succeeded.");
  CHECK(has(r.labels("Country"), "Turkey"));
  CHECK_FALSE(has(r.labels("Country"), "T\xC3\xBCrkiye"));
}

TEST_CASE("places: shoals and fields, 'the province of X', 'the X area'",
          "[extract][generalisation][heldout3]") {
  Run r(
      "Coast guard ships fired water cannons near Marlow Shoal on Monday. Drones hit the Zarqan "
      "oil field and the Habar gas field in the province of Tarkesh. Gunmen attacked the Selmi "
      "area.");
  const auto sites = r.labels("Site");
  CHECK(has(sites, "Marlow Shoal"));
  CHECK(has(sites, "Zarqan oil field"));
  CHECK(has(sites, "Habar gas field"));
  CHECK_FALSE(has(sites, "gas field in the province of Tarkesh"));
  CHECK(has(r.labels("Province"), "province of Tarkesh"));
  CHECK(has(r.labels("Region"), "Selmi"));
  CHECK(r.all_events().count("Clash@Marlow Shoal") == 1);
}

TEST_CASE("places: a compass word before a gazetteer province of two words takes all of it",
          "[extract][generalisation][heldout3]") {
  Run r("Gunmen killed five people in northern Khyber Pakhtunkhwa province on Monday.");
  for (const std::string& p : r.labels("Region")) CHECK(p != "northern Khyber");
}

TEST_CASE("events: ships that collided, a video released is no prisoner release",
          "[extract][generalisation][heldout3]") {
  Run r(
      "Two navy ships collided off the coast on Monday, the coast guard said. Video released by "
      "the navy showed the damage.");
  const auto ev = r.all_events();
  CHECK(std::any_of(ev.begin(), ev.end(),
                    [](const std::string& e) { return e.rfind("Crash@", 0) == 0; }));
  CHECK(std::none_of(ev.begin(), ev.end(),
                     [](const std::string& e) { return e.rfind("PrisonerRelease@", 0) == 0; }));
}

TEST_CASE("actors: an abbreviation defines the words whose initials spell it",
          "[extract][generalisation][heldout3]") {
  Run r(
      "Officials said on Monday that the Joint Monitoring Mission in Kenya (JMMK) had sent a "
      "team. The Conflict Tracking & Analysis project (CTA) counted 40 deaths.");
  const auto orgs = r.labels("Organization");
  CHECK(has(orgs, "Joint Monitoring Mission in Kenya"));
  CHECK(has(orgs, "Conflict Tracking & Analysis project"));
  for (const std::string& o : orgs) CHECK(o.find("Officials") == std::string::npos);
}

TEST_CASE("actors: a state's body named in capitals after the state",
          "[extract][generalisation][heldout3]") {
  Run r(
      "Kenya's Government Press Service denied the report. The Ugandan Bureau of Roads and "
      "Bridges said a bridge was hit. Chad's Red Star rescue service said two people died.");
  const auto gov = r.labels("Government");
  CHECK(has(gov, "Kenya's Government Press Service"));
  CHECK(has(gov, "Ugandan Bureau of Roads and Bridges"));
  CHECK(has(r.labels("Organization"), "Red Star"));
  CHECK(r.labels("Person").empty());
}

TEST_CASE("actors: head-first organisations, and a demonym inside one is no state",
          "[extract][generalisation][heldout3]") {
  Run r("The Community of Saint Vardo and the Organization of American States offered help.");
  const auto orgs = r.labels("Organization");
  CHECK(has(orgs, "Community of Saint Vardo"));
  CHECK(has(orgs, "Organization of American States"));
  CHECK(r.labels("Country").empty());
}

TEST_CASE("actors: an office with its remit, then the name after a comma",
          "[extract][generalisation][heldout3]") {
  Run r(
      "The Kenyan ambassador to the United Nations, Jane Wambui, said talks would resume. The "
      "chairperson of the Regional Council, Omar Haji Salat, agreed.");
  const auto persons = r.labels("Person");
  CHECK(has(persons, "Jane Wambui"));
  CHECK(has(persons, "Omar Haji Salat"));
  CHECK_FALSE(has(persons, "Kenyan ambassador"));
}

TEST_CASE("actors: a bare ministry is a source only when it speaks",
          "[extract][generalisation][heldout3]") {
  Run r("Twenty people died in the floods, the interior ministry said.");
  CHECK(has(r.labels("Government"), "interior ministry"));
  Run n("Forces loyal to the interior ministry took the district.");
  CHECK_FALSE(has(n.labels("Government"), "interior ministry"));
}

TEST_CASE("actors: a group named after an armed group, a state's forces named with the state",
          "[extract][generalisation][heldout3]") {
  Run r(
      "Islamic State Sahel Province (ISSP) claimed the raid. The Kenya Defence Forces (KDF) said "
      "it had repelled the attackers.");
  CHECK(has(r.labels("ArmedGroup"), "Islamic State Sahel Province"));
  CHECK(has(r.labels("Government"), "Kenya Defence Forces"));
  CHECK_FALSE(has(r.labels("ArmedGroup"), "Kenya Defence Forces"));
}

TEST_CASE("actors: 'the rebels' is the last armed group named",
          "[extract][generalisation][heldout3]") {
  Run r(
      "The Lakeside Liberation Army (LLA) took the hills last year. On Monday the rebels stormed "
      "the town of Korvani.");
  bool found = false;
  for (const std::string& ev : r.of_type("GroundAttack")) {
    for (const std::string& a : r.objects(ev, ng_term("agent"))) {
      found = found || r.label(a) == "Lakeside Liberation Army";
    }
  }
  CHECK(found);
  // No group named yet: no agent.
  Run n("On Monday the rebels stormed the town of Korvani.");
  for (const std::string& ev : n.of_type("GroundAttack")) {
    CHECK(n.objects(ev, ng_term("agent")).empty());
  }
}

TEST_CASE("events: a state named by a demonym before the weapon is the agent, and an actor",
          "[extract][generalisation][heldout3]") {
  Run r(
      "Russian missiles struck Kharkiv on Monday. On Sunday, Kenyan drones hit a car in Kismayo.");
  std::set<std::string> agents;
  for (const char* cls : {"MissileStrike", "DroneAttack"}) {
    for (const std::string& ev : r.of_type(cls)) {
      for (const std::string& a : r.objects(ev, ng_term("agent"))) agents.insert(r.label(a));
    }
  }
  CHECK(has(agents, "Russia"));
  CHECK(has(agents, "Kenya"));
  CHECK(has(r.labels("Country"), "Russia"));  // typed and labelled, not a bare IRI
}

TEST_CASE("events: armed men who killed a count of civilians, with no other trigger, a killing",
          "[extract][generalisation][heldout3]") {
  Run r(
      "In May, the group said, soldiers and allied militiamen killed at least 30 villagers near "
      "Korvani.");
  CHECK(r.dated_events().count("Killing@Korvani/2025-05") +
            r.dated_events().count("Killing@Korvani/2026-05") ==
        1);
  Run n("Violence has killed more than 2,000 people near Korvani since 2019.");
  for (const std::string& e : n.all_events()) CHECK(e.rfind("Killing@", 0) != 0);
}

TEST_CASE("places: regions listed after 'the regional states of', a known region in a pair",
          "[extract][generalisation][heldout3]") {
  Run r(
      "A dispute between the federal government and the regional states of Tarva and Olmand "
      "deepened.");
  const auto regions = r.labels("Region");
  CHECK(has(regions, "Tarva"));
  CHECK(has(regions, "Olmand"));
  Run p(
      "Troops left the Keren region on Monday. The group took towns in the Upper Sorra and Keren "
      "regions.");
  CHECK(has(p.labels("Region"), "Upper Sorra"));
}

TEST_CASE("places: a demonym is not the province of the same name",
          "[extract][generalisation][heldout3]") {
  // Ethiopia's "Somali" region shares its name with the demonym.
  Run r("Kenyan and Somali soldiers patrolled the border with Ethiopia on Friday.");
  CHECK(r.labels("Province").empty());
}

TEST_CASE("events: a headline's event is the body's event of the same kind",
          "[extract][generalisation][heldout3]") {
  Run r(
      "Drone strike on market kills dozens in Korvani\n\nBELMORA, Chadia (AFP) - A military drone "
      "struck a market in the town of Korvani on Sunday, residents said.");
  const auto ev = r.dated_events();
  CHECK(ev.count("DroneAttack@Korvani/2026-03-08") == 1);
  CHECK(ev.count("DroneAttack@Korvani/2026-03-10") == 0);  // no second one on the report's day
}

TEST_CASE("events: 'A, south of B, after clashes' places the clashes at A",
          "[extract][generalisation][heldout3]") {
  Run r(
      "On Sunday, rebels captured the town of Korvani, south of the provincial capital Kisumu, "
      "after heavy clashes with the army.");
  const auto ev = r.all_events();
  CHECK(ev.count("Clash@Korvani") == 1);
  CHECK(ev.count("Clash@Kisumu") == 0);
}

TEST_CASE("events: strikes from afar share the date in focus across kinds",
          "[extract][generalisation][heldout3]") {
  Run r(
      "A military drone struck a crowded market in the town of Korvani on Sunday. The strike hit "
      "the market shortly before noon.");
  const auto ev = r.dated_events();
  for (const std::string& e : ev) {
    if (e.rfind("Airstrike@", 0) == 0 || e.rfind("DroneAttack@", 0) == 0) {
      CHECK(e.substr(e.size() - 10) == "2026-03-08");
    }
  }
}

TEST_CASE("events: 'took' a place, 'taken full control of' are captures",
          "[extract][generalisation][heldout3]") {
  Run r(
      "The rebels took the provincial capital Kisumu last month. The army said it had taken full "
      "control of the Kelemi district. The minister took part in the talks in Nairobi.");
  const auto ev = r.all_events();
  CHECK(ev.count("Capture@Kisumu") == 1);
  CHECK(ev.count("Capture@Kelemi district") == 1);
  CHECK(ev.count("Capture@Nairobi") == 0);
}

TEST_CASE("places: 'there' after a participle is the last place named",
          "[extract][generalisation][heldout3]") {
  Run r(
      "Troops entered the village of Tarsk on Monday. Residents said ten men had been executed "
      "there.");
  CHECK(r.all_events().count("Killing@Tarsk") == 1);
  Run n("Troops entered the village of Tarsk on Monday. There were no executions, they said.");
  CHECK(n.all_events().count("Killing@Tarsk") == 0);
}

TEST_CASE(
    "places: a border's neighbour is a place that only bounds the event, landforms, "
    "neighbourhood lists",
    "[extract][generalisation][heldout3]") {
  Run r("In Chernivtsi, near the border with Romania, drones hit a depot on Monday.");
  const auto ev = r.all_events();
  CHECK(ev.count("DroneAttack@Chernivtsi") == 1);
  CHECK(ev.count("DroneAttack@Romania") == 0);
  const auto places = r.objects(article_iri("g"), ng_term("mentionsPlace"));
  CHECK(std::any_of(places.begin(), places.end(),
                    [&](const std::string& p) { return r.label(p) == "Romania"; }));
  Run l(
      "The road links the town to the Kordo Highlands. Gangs attacked the neighbourhoods of Arto "
      "and Belvi on Sunday.");
  const auto regions = l.labels("Region");
  CHECK(has(regions, "Kordo Highlands"));
  CHECK(has(regions, "Arto"));
  CHECK(has(regions, "Belvi"));
}

TEST_CASE("actors: a name after an honorific, 'X's ministry of Y said'",
          "[extract][generalisation][heldout3]") {
  Run r("Sheikh Omar Haji Dhuale, one of the elders, rejected the deal.");
  CHECK(has(r.labels("Person"), "Sheikh Omar Haji Dhuale"));
  Run m("Kenya's ministry of water resources said the dam was hit.");
  CHECK(has(m.labels("Government"), "ministry of water resources"));
}

TEST_CASE("actors: a state's guard named with the state is its government's",
          "[extract][generalisation][heldout3]") {
  Run r("The Kenyan Coast Guard (KCG) said two boats sank off Lamu.");
  CHECK(has(r.labels("Government"), "Kenyan Coast Guard"));
  CHECK_FALSE(has(r.labels("ArmedGroup"), "Kenyan Coast Guard"));
}

TEST_CASE("events: the verb 'negotiate' reports talks", "[extract][generalisation][heldout3]") {
  Run r("Envoys of both governments began to negotiate in Nairobi on Monday.");
  CHECK(r.all_events().count("Negotiation@Nairobi") == 1);
}

TEST_CASE("events: a participle clause after a comma happened where the event before it did",
          "[extract][generalisation][heldout3]") {
  Run r("Gunmen stormed the Kelo camp on Monday, opening fire on residents and shelling homes.");
  const auto ev = r.all_events();
  CHECK(ev.count("Shelling@Kelo camp") == 1);
  CHECK(ev.count("Shelling@-") == 0);
}

TEST_CASE("actors: adjectives of states the gazetteer lacks, a navy's boats are no body",
          "[extract][generalisation][heldout3]") {
  Run r("The Philippine Border Guard (PBG) said Kenyan navy boats were seen off Lamu.");
  const auto gov = r.labels("Government");
  CHECK(has(gov, "Philippine Border Guard"));
  CHECK_FALSE(has(gov, "Kenyan navy"));
}

TEST_CASE("actors: a name with a byname, a ruler toppled or fallen, not a fallen city",
          "[extract][generalisation][heldout3]") {
  Run r(
      "Omar Haji Farah, known as Abu Bakr, was shot dead on Monday. The unrest began after the "
      "army toppled Daniel Kwame Osei in 2019. Since the fall of Jonas Mbeki Ndlovu, the country "
      "has had three governments.");
  const auto persons = r.labels("Person");
  CHECK(has(persons, "Omar Haji Farah"));
  CHECK(has(persons, "Daniel Kwame Osei"));
  CHECK(has(persons, "Jonas Mbeki Ndlovu"));
  Run c("Since the fall of Port Harcourt, the rebels have advanced.");
  CHECK(c.labels("Person").empty());
}

TEST_CASE("actors: an acronym after the kind of body it is",
          "[extract][generalisation][heldout3]") {
  Run r("More than 900 people have died since 2020, according to the crisis monitoring group CMX.");
  CHECK(has(r.labels("Organization"), "CMX"));
  Run a("The militant group XYZ claimed the attack.");
  CHECK_FALSE(has(a.labels("Organization"), "XYZ"));
}

TEST_CASE("events: a verb in a relative clause on a place's apposition happened there",
          "[extract][generalisation][heldout3]") {
  Run r(
      "The rebels pushed west from Kisumu, the provincial capital they captured in January. "
      "Under the deal the group withdrew from Eldoret, the largest town in the west, which it "
      "had captured last year.");
  const auto ev = r.dated_events();
  CHECK(ev.count("Capture@Kisumu/2026-01") == 1);
  CHECK(ev.count("Capture@Eldoret/2025") == 1);
}

TEST_CASE("time: 'Soon after the strikes, ...' is dated by the strikes it follows",
          "[extract][generalisation][heldout3]") {
  Run r(
      "Rebels shelled Kisumu on Monday, killing five people. In 2019 the region had been calm. "
      "Soon after the shelling, troops clashed with the rebels near Eldoret.");
  const auto ev = r.dated_events();
  CHECK(ev.count("Clash@Eldoret/2026-03-09") == 1);
  CHECK(ev.count("Shelling@-/2026-03-09") == 0);  // the anchor restates the shelling
}

TEST_CASE("known groups: a lower-case particle opens the name, 'Suspected' does not",
          "[extract][generalisation]") {
  // Organisations listed with a particle ("al Shabaab") are found when the particle is in
  // lower case mid-sentence, labelled as written; a sentence-opening adjective stays out.
  Run a("Witnesses said al Shabaab fighters attacked a checkpoint near the town on Monday.");
  CHECK(a.labels("ArmedGroup") == std::set<std::string>{"al Shabaab"});
  Run b("Suspected Hamas gunmen opened fire on a bus near the crossing on Monday.");
  CHECK(b.labels("ArmedGroup") == std::set<std::string>{"Hamas"});
}
