#include "link/geojson.hpp"

#include <catch2/catch.hpp>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <map>
#include <sstream>
#include <stdexcept>
#include <variant>
#include <vector>

#include "link/linker.hpp"
#include "rdf/json_string.hpp"
#include "store/rdf_io.hpp"

namespace {

// A strict RFC 8259 parser, enough to check the output is JSON and to read it back.
struct Json {
  enum class Kind { Null, Bool, Number, String, Array, Object } kind = Kind::Null;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<Json> array;
  std::map<std::string, Json> object;
  const Json& operator[](const std::string& key) const { return object.at(key); }
  const Json& operator[](std::size_t i) const { return array.at(i); }
};

class Parser {
 public:
  explicit Parser(std::string_view text) : t_(text) {}
  Json document() {
    Json v = value();
    ws();
    if (i_ != t_.size()) fail("trailing text");
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error("JSON: " + what + " at " + std::to_string(i_));
  }
  void ws() {
    while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\n' || t_[i_] == '\r' || t_[i_] == '\t'))
      ++i_;
  }
  bool eat(char c) {
    ws();
    if (i_ < t_.size() && t_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  void expect(char c) {
    if (!eat(c)) fail(std::string("expected ") + c);
  }
  Json value() {
    ws();
    if (i_ >= t_.size()) fail("unexpected end");
    Json v;
    const char c = t_[i_];
    if (c == '{') {
      ++i_;
      v.kind = Json::Kind::Object;
      if (eat('}')) return v;
      do {
        ws();
        std::string key = string();
        expect(':');
        v.object[key] = value();
      } while (eat(','));
      expect('}');
    } else if (c == '[') {
      ++i_;
      v.kind = Json::Kind::Array;
      if (eat(']')) return v;
      do v.array.push_back(value());
      while (eat(','));
      expect(']');
    } else if (c == '"') {
      v.kind = Json::Kind::String;
      v.string = string();
    } else if (t_.substr(i_, 4) == "null") {
      i_ += 4;
    } else if (t_.substr(i_, 4) == "true" || t_.substr(i_, 5) == "false") {
      v.kind = Json::Kind::Bool;
      v.boolean = t_[i_] == 't';
      i_ += v.boolean ? 4 : 5;
    } else {
      v.kind = Json::Kind::Number;
      const std::size_t start = i_;
      if (t_[i_] == '-') ++i_;
      if (i_ >= t_.size() || !std::isdigit(static_cast<unsigned char>(t_[i_]))) fail("bad value");
      if (t_[i_] == '0' && i_ + 1 < t_.size() &&
          std::isdigit(static_cast<unsigned char>(t_[i_ + 1])))
        fail("leading zero");
      while (i_ < t_.size() && std::strchr("0123456789.eE+-", t_[i_])) ++i_;
      v.number = std::stod(std::string(t_.substr(start, i_ - start)));
    }
    return v;
  }
  std::string string() {
    try {
      return ng::rdf::read_json_string(t_, i_);
    } catch (const ng::rdf::JsonStringError& e) {
      fail(e.message);
    }
  }
  std::string_view t_;
  std::size_t i_ = 0;
};

const std::string kData = std::string(NG_TEST_DATA_DIR) + "/link/";

}  // namespace

TEST_CASE("json strings escape quotes, backslashes and control characters", "[link][geojson]") {
  CHECK(ng::rdf::json_quote("a\"b\\c\nd\te\x01 – ü") == "\"a\\\"b\\\\c\\nd\\te\\u0001 – ü\"");
  CHECK(Parser(ng::rdf::json_quote("x\x1f\r\b\f\"")).document().string == "x\x1f\r\b\f\"");
}

TEST_CASE("the test's JSON parser rejects what is not JSON", "[link][geojson]") {
  for (const char* bad : {"{", "{\"a\":}", "[1,]", "\"a\nb\"", "01", "{\"a\":1}x", "nul"}) {
    INFO(bad);
    CHECK_THROWS(Parser(bad).document());
  }
}

TEST_CASE("events with linked locations become GeoJSON points", "[link][geojson]") {
  ng::store::World world;
  ng::store::Store store(world);
  ng::store::load_file(store, kData + "events.trig");
  ng::store::load_file(store, kData + "mini_geonames.ttl");
  // The location gets its coordinates through the link.
  {
    ng::store::Store ours(world);
    ng::store::load_file(ours, kData + "events.trig");
    const auto result = ng::link::link_entities(ours, {kData + "mini_geonames.ttl"}, {});
    CHECK(ng::link::add_link_quads(store, result, {}) >= 2);
  }
  std::ostringstream out;
  const auto stats = ng::link::write_geojson(store, out);
  CHECK(stats.events == 2);
  CHECK(stats.features == 1);
  CHECK(stats.locations_without_coordinates == 1);
  const Json doc = Parser(out.str()).document();
  CHECK(doc["type"].string == "FeatureCollection");
  REQUIRE(doc["features"].array.size() == 1);
  const Json& f = doc["features"][0];
  CHECK(f["type"].string == "Feature");
  CHECK(f["geometry"]["type"].string == "Point");
  CHECK(f["geometry"]["coordinates"][0].number == Approx(69.17233));  // longitude first
  CHECK(f["geometry"]["coordinates"][1].number == Approx(34.52813));
  const Json& p = f["properties"];
  CHECK(p["event"].string == "https://w3id.org/newsgraph/id/event/t1/1");
  CHECK(p["type"].string == "Airstrike");
  CHECK(p["date"].string == "2026-02-27");
  CHECK(p["time"].string == "on Friday");
  CHECK(p["place"].string == "Kabul");
  CHECK(p["coordinates_from"].string == "https://sws.geonames.org/1138958/");
  CHECK(p["evidence"].string == "Jets \"bombed\" Kabul\\east\non Friday\t\x01 – said AFP.");
  CHECK(p["article"].string == "t1");
  CHECK(p["trigger"].string == "bombed");
}

TEST_CASE("a graph without events is an empty FeatureCollection", "[link][geojson]") {
  ng::store::World world;
  ng::store::Store store(world);
  std::ostringstream out;
  CHECK(ng::link::write_geojson(store, out).features == 0);
  const Json doc = Parser(out.str()).document();
  CHECK(doc["features"].array.empty());
}
