#include "sparql/results/xml.hpp"

#include <cstdint>
#include <map>

#include "rdf/utf8.hpp"
#include "sparql/results/readers.hpp"

namespace ng::sparql::detail {

const XmlAttribute* XmlNode::attribute(std::string_view ns_iri, std::string_view local_name) const {
  for (const auto& a : attributes) {
    if (a.ns == ns_iri && a.local == local_name) return &a;
  }
  return nullptr;
}

std::string XmlNode::text_content() const {
  if (is_text) return text;
  std::string out;
  for (const auto& c : children) out += c.text_content();
  return out;
}

std::vector<const XmlNode*> XmlNode::elements() const {
  std::vector<const XmlNode*> out;
  for (const auto& c : children) {
    if (!c.is_text) out.push_back(&c);
  }
  return out;
}

namespace {

bool is_name_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '_' || c == '-' || c == '.' || c == ':';
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

struct RawAttribute {
  std::string qname;
  std::string value;
};

class XmlParser {
 public:
  explicit XmlParser(std::string_view text) : text_(text) {}

  XmlNode parse_document() {
    skip_prolog();
    if (at_end() || peek() != '<') fail("expected the root element");
    std::vector<std::map<std::string, std::string>> scopes;
    scopes.push_back({{"xml", std::string(kXmlNs)}});
    XmlNode root = parse_element(scopes);
    skip_misc();
    if (!at_end()) fail("content after the root element");
    return root;
  }

 private:
  [[noreturn]] void fail(const std::string& message) const {
    throw ResultsParseError("line " + std::to_string(line_) + ": " + message);
  }
  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }
  bool starts_with(std::string_view s) const { return text_.substr(pos_, s.size()) == s; }
  void advance(std::size_t n = 1) {
    for (std::size_t i = 0; i < n && pos_ < text_.size(); ++i) {
      if (text_[pos_] == '\n') ++line_;
      ++pos_;
    }
  }
  void skip_spaces() {
    while (!at_end() && is_space(peek())) advance();
  }
  void skip_until(std::string_view end, const char* what) {
    auto found = text_.find(end, pos_);
    if (found == std::string_view::npos) fail(std::string("unterminated ") + what);
    advance(found + end.size() - pos_);
  }
  // Comments, processing instructions and white space.
  void skip_misc() {
    for (;;) {
      skip_spaces();
      if (starts_with("<!--")) {
        skip_until("-->", "comment");
      } else if (starts_with("<?")) {
        skip_until("?>", "processing instruction");
      } else {
        return;
      }
    }
  }
  void skip_prolog() {
    if (starts_with("\xEF\xBB\xBF")) advance(3);
    for (;;) {
      skip_misc();
      if (starts_with("<!DOCTYPE")) fail("DTDs are not supported");
      return;
    }
  }
  std::string parse_name() {
    std::size_t start = pos_;
    while (!at_end() && is_name_char(peek())) advance();
    if (start == pos_) fail("expected a name");
    return std::string(text_.substr(start, pos_ - start));
  }
  // Decodes entity and character references in raw text.
  std::string decode(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != '&') {
        out += raw[i];
        continue;
      }
      auto semi = raw.find(';', i);
      if (semi == std::string_view::npos) fail("unterminated entity reference");
      std::string_view ent = raw.substr(i + 1, semi - i - 1);
      if (ent == "lt") {
        out += '<';
      } else if (ent == "gt") {
        out += '>';
      } else if (ent == "amp") {
        out += '&';
      } else if (ent == "quot") {
        out += '"';
      } else if (ent == "apos") {
        out += '\'';
      } else if (ent.size() > 1 && ent[0] == '#') {
        bool hex = ent[1] == 'x';
        std::string digits(ent.substr(hex ? 2 : 1));
        if (digits.empty()) fail("bad character reference");
        std::uint32_t cp = 0;
        for (char c : digits) {
          int d;
          if (c >= '0' && c <= '9') {
            d = c - '0';
          } else if (hex && c >= 'a' && c <= 'f') {
            d = c - 'a' + 10;
          } else if (hex && c >= 'A' && c <= 'F') {
            d = c - 'A' + 10;
          } else {
            fail("bad character reference &" + std::string(ent) + ";");
          }
          cp = cp * (hex ? 16u : 10u) + static_cast<std::uint32_t>(d);
          if (cp > 0x10FFFF) fail("character reference out of range");
        }
        rdf::append_utf8(out, cp);
      } else {
        fail("unknown entity &" + std::string(ent) + ";");
      }
      i = semi;
    }
    return out;
  }
  std::string resolve_prefix(const std::vector<std::map<std::string, std::string>>& scopes,
                             const std::string& prefix) {
    for (auto it = scopes.rbegin(); it != scopes.rend(); ++it) {
      auto found = it->find(prefix);
      if (found != it->end()) return found->second;
    }
    if (prefix.empty()) return {};
    fail("undeclared namespace prefix '" + prefix + "'");
  }

  XmlNode parse_element(std::vector<std::map<std::string, std::string>>& scopes) {
    XmlNode node;
    node.line = line_;
    advance();  // '<'
    std::string qname = parse_name();
    std::vector<RawAttribute> raw;
    std::map<std::string, std::string> scope;
    bool empty = false;
    for (;;) {
      skip_spaces();
      if (at_end()) fail("unterminated start tag <" + qname + ">");
      if (starts_with("/>")) {
        advance(2);
        empty = true;
        break;
      }
      if (peek() == '>') {
        advance();
        break;
      }
      std::string name = parse_name();
      skip_spaces();
      if (at_end() || peek() != '=') fail("expected '=' after attribute " + name);
      advance();
      skip_spaces();
      if (at_end() || (peek() != '"' && peek() != '\'')) fail("expected a quoted attribute value");
      char quote = peek();
      advance();
      auto end = text_.find(quote, pos_);
      if (end == std::string_view::npos) fail("unterminated attribute value");
      std::string_view value_raw = text_.substr(pos_, end - pos_);
      if (value_raw.find('<') != std::string_view::npos) fail("'<' in attribute value");
      std::string value = decode(value_raw);
      advance(end + 1 - pos_);
      if (name == "xmlns") {
        scope[""] = value;
      } else if (name.rfind("xmlns:", 0) == 0) {
        scope[name.substr(6)] = value;
      } else {
        for (const auto& r : raw) {
          if (r.qname == name) fail("duplicate attribute " + name);
        }
        raw.push_back({name, value});
      }
    }
    scopes.push_back(std::move(scope));
    auto split = [&](const std::string& q, bool is_attribute, std::string& ns, std::string& local) {
      auto colon = q.find(':');
      if (colon == std::string::npos) {
        local = q;
        ns = is_attribute ? std::string() : resolve_prefix(scopes, "");
      } else {
        ns = resolve_prefix(scopes, q.substr(0, colon));
        local = q.substr(colon + 1);
      }
    };
    split(qname, false, node.ns, node.local);
    for (auto& r : raw) {
      XmlAttribute a;
      split(r.qname, true, a.ns, a.local);
      a.value = std::move(r.value);
      node.attributes.push_back(std::move(a));
    }
    if (!empty) parse_content(node, qname, scopes);
    scopes.pop_back();
    return node;
  }

  void parse_content(XmlNode& node, const std::string& qname,
                     std::vector<std::map<std::string, std::string>>& scopes) {
    std::string text;
    auto flush_text = [&] {
      if (text.empty()) return;
      XmlNode t;
      t.is_text = true;
      t.text = std::move(text);
      node.children.push_back(std::move(t));
      text.clear();
    };
    for (;;) {
      if (at_end()) fail("unterminated element <" + qname + ">");
      if (starts_with("</")) {
        advance(2);
        std::string end_name = parse_name();
        if (end_name != qname) fail("</" + end_name + "> does not close <" + qname + ">");
        skip_spaces();
        if (at_end() || peek() != '>') fail("expected '>'");
        advance();
        flush_text();
        return;
      }
      if (starts_with("<!--")) {
        skip_until("-->", "comment");
      } else if (starts_with("<![CDATA[")) {
        advance(9);
        auto end = text_.find("]]>", pos_);
        if (end == std::string_view::npos) fail("unterminated CDATA section");
        text += text_.substr(pos_, end - pos_);
        advance(end + 3 - pos_);
      } else if (starts_with("<?")) {
        skip_until("?>", "processing instruction");
      } else if (peek() == '<') {
        flush_text();
        node.children.push_back(parse_element(scopes));
      } else {
        std::size_t start = pos_;
        while (!at_end() && peek() != '<') advance();
        text += decode(text_.substr(start, pos_ - start));
      }
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  unsigned long line_ = 1;
};

}  // namespace

XmlNode parse_xml(std::string_view text) { return XmlParser(text).parse_document(); }

}  // namespace ng::sparql::detail
