#include "sparql/results/json.hpp"

#include <cstdint>
#include <cstdio>
#include <utility>

#include "rdf/json_string.hpp"
#include "rdf/utf8.hpp"
#include "sparql/results/readers.hpp"

namespace ng::sparql::detail {

const JsonValue* JsonValue::get(std::string_view key) const {
  if (type != Type::Object) return nullptr;
  for (const auto& [k, v] : object) {
    if (k == key) return &v;
  }
  return nullptr;
}

namespace {

class JsonParser {
 public:
  explicit JsonParser(std::string_view text) : text_(text) {}

  JsonValue parse_document() {
    JsonValue v = parse_value(0);
    skip_spaces();
    if (pos_ != text_.size()) fail("content after the JSON value");
    return v;
  }

 private:
  static constexpr int kMaxDepth = 256;

  [[noreturn]] void fail(const std::string& message) const {
    throw ResultsParseError("line " + std::to_string(line_) + ": " + message);
  }
  void skip_spaces() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '\n') {
        ++line_;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        return;
      }
      ++pos_;
    }
  }
  bool consume_word(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  JsonValue parse_value(int depth) {
    if (depth > kMaxDepth) fail("JSON nested too deeply");
    skip_spaces();
    if (pos_ >= text_.size()) fail("unexpected end of JSON");
    JsonValue v;
    char c = text_[pos_];
    if (c == '{') {
      v.type = JsonValue::Type::Object;
      ++pos_;
      skip_spaces();
      if (pos_ < text_.size() && text_[pos_] == '}') {
        ++pos_;
        return v;
      }
      for (;;) {
        skip_spaces();
        if (pos_ >= text_.size() || text_[pos_] != '"') fail("expected a member name");
        std::string key = parse_string();
        skip_spaces();
        if (pos_ >= text_.size() || text_[pos_] != ':') fail("expected ':'");
        ++pos_;
        v.object.push_back(JsonMember{std::move(key), parse_value(depth + 1)});
        skip_spaces();
        if (pos_ < text_.size() && text_[pos_] == ',') {
          ++pos_;
          continue;
        }
        if (pos_ < text_.size() && text_[pos_] == '}') {
          ++pos_;
          return v;
        }
        fail("expected ',' or '}'");
      }
    }
    if (c == '[') {
      v.type = JsonValue::Type::Array;
      ++pos_;
      skip_spaces();
      if (pos_ < text_.size() && text_[pos_] == ']') {
        ++pos_;
        return v;
      }
      for (;;) {
        v.array.push_back(parse_value(depth + 1));
        skip_spaces();
        if (pos_ < text_.size() && text_[pos_] == ',') {
          ++pos_;
          continue;
        }
        if (pos_ < text_.size() && text_[pos_] == ']') {
          ++pos_;
          return v;
        }
        fail("expected ',' or ']'");
      }
    }
    if (c == '"') {
      v.type = JsonValue::Type::String;
      v.text = parse_string();
      return v;
    }
    if (consume_word("true")) {
      v.type = JsonValue::Type::Boolean;
      v.boolean = true;
      return v;
    }
    if (consume_word("false")) {
      v.type = JsonValue::Type::Boolean;
      return v;
    }
    if (consume_word("null")) return v;
    if (c == '-' || (c >= '0' && c <= '9')) {
      std::size_t start = pos_;
      while (pos_ < text_.size() &&
             std::string_view("+-.eE0123456789").find(text_[pos_]) != std::string_view::npos) {
        ++pos_;
      }
      v.type = JsonValue::Type::Number;
      v.text = std::string(text_.substr(start, pos_ - start));
      return v;
    }
    fail(std::string("unexpected character '") + c + "'");
  }

  std::string parse_string() {
    try {
      return rdf::read_json_string(text_, pos_);
    } catch (const rdf::JsonStringError& e) {
      fail(e.message);
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  unsigned long line_ = 1;
};

}  // namespace

JsonValue parse_json(std::string_view text) { return JsonParser(text).parse_document(); }

}  // namespace ng::sparql::detail
