// A small RDF/XML reader (https://www.w3.org/TR/rdf-syntax-grammar/), enough for the result sets
// and data files of the W3C SPARQL tests: node elements, property elements, parseType="Resource".
#include <string>

#include "rdf/iri.hpp"
#include "rdf/vocab.hpp"
#include "sparql/results/readers.hpp"
#include "sparql/results/xml.hpp"

namespace ng::sparql {

namespace {

using detail::XmlAttribute;
using detail::XmlNode;

// RFC 3986 §5.2 reference resolution, without dot-segment removal in the reference part
// beyond what the test files need.

bool is_rdf(const XmlAttribute& a, std::string_view local) {
  return a.ns == vocab::kRdf && a.local == local;
}

class RdfXmlReader {
 public:
  explicit RdfXmlReader(std::string base) : base_(std::move(base)) {}

  std::vector<rdf::Quad> read(const XmlNode& root) {
    if (root.is(vocab::kRdf, "RDF")) {
      for (const XmlNode* child : root.elements()) node_element(*child, lang_of(root, ""));
    } else {
      node_element(root, "");
    }
    return std::move(triples_);
  }

 private:
  [[noreturn]] static void fail(const XmlNode& node, const std::string& message) {
    throw ResultsParseError("line " + std::to_string(node.line) + ": RDF/XML: " + message);
  }
  static std::string lang_of(const XmlNode& node, const std::string& inherited) {
    const XmlAttribute* a = node.attribute(detail::kXmlNs, "lang");
    return a ? a->value : inherited;
  }
  static bool is_syntax_attribute(const XmlAttribute& a) {
    if (a.ns == detail::kXmlNs) return true;
    if (a.ns.empty()) return true;  // unqualified attributes are not RDF
    if (a.ns != vocab::kRdf) return false;
    return a.local == "about" || a.local == "ID" || a.local == "nodeID" || a.local == "resource" ||
           a.local == "datatype" || a.local == "parseType";
  }
  rdf::Term fresh_blank() { return rdf::Term::blank("rx" + std::to_string(++blank_counter_)); }
  rdf::Term blank_named(const std::string& id) { return rdf::Term::blank("rxn_" + id); }
  void add(rdf::Term s, rdf::Term p, rdf::Term o) {
    triples_.push_back(rdf::Quad{std::move(s), std::move(p), std::move(o), std::nullopt});
  }

  // Returns the subject of the node element.
  rdf::Term node_element(const XmlNode& node, const std::string& lang) {
    std::string node_lang = lang_of(node, lang);
    rdf::Term subject;
    if (const auto* about = node.attribute(vocab::kRdf, "about")) {
      subject = rdf::Term::iri(rdf::resolve_iri(base_, about->value));
    } else if (const auto* id = node.attribute(vocab::kRdf, "ID")) {
      subject = rdf::Term::iri(rdf::resolve_iri(base_, "#" + id->value));
    } else if (const auto* node_id = node.attribute(vocab::kRdf, "nodeID")) {
      subject = blank_named(node_id->value);
    } else {
      subject = fresh_blank();
    }
    if (!node.is(vocab::kRdf, "Description")) {
      add(subject, rdf::Term::iri(vocab::kRdfType), rdf::Term::iri(node.ns + node.local));
    }
    property_attributes(node, subject, node_lang);
    property_elements(node, subject, node_lang);
    return subject;
  }

  void property_attributes(const XmlNode& node, const rdf::Term& subject, const std::string& lang) {
    for (const auto& a : node.attributes) {
      if (is_syntax_attribute(a)) continue;
      if (is_rdf(a, "type")) {
        add(subject, rdf::Term::iri(vocab::kRdfType),
            rdf::Term::iri(rdf::resolve_iri(base_, a.value)));
      } else {
        add(subject, rdf::Term::iri(a.ns + a.local), rdf::Term::literal(a.value, "", lang));
      }
    }
  }

  void property_elements(const XmlNode& node, const rdf::Term& subject, const std::string& lang) {
    int li = 0;
    for (const auto& child : node.children) {
      if (child.is_text) {
        if (child.text.find_first_not_of(" \t\r\n") != std::string::npos) {
          fail(node, "text where property elements were expected");
        }
        continue;
      }
      std::string predicate = child.ns + child.local;
      if (child.is(vocab::kRdf, "li"))
        predicate = std::string(vocab::kRdf) + "_" + std::to_string(++li);
      property_element(child, subject, rdf::Term::iri(predicate), lang_of(child, lang));
    }
  }

  void property_element(const XmlNode& prop, const rdf::Term& subject, const rdf::Term& predicate,
                        const std::string& lang) {
    const XmlAttribute* parse_type = prop.attribute(vocab::kRdf, "parseType");
    const XmlAttribute* resource = prop.attribute(vocab::kRdf, "resource");
    const XmlAttribute* node_id = prop.attribute(vocab::kRdf, "nodeID");
    const XmlAttribute* datatype = prop.attribute(vocab::kRdf, "datatype");
    if (prop.attribute(vocab::kRdf, "ID"))
      fail(prop, "reification (rdf:ID on a property) is not supported");
    if (parse_type) {
      if (parse_type->value == "Resource") {
        rdf::Term object = fresh_blank();
        add(subject, predicate, object);
        property_elements(prop, object, lang);
        return;
      }
      if (parse_type->value == "Literal") {
        fail(prop, "rdf:parseType=\"Literal\" is not supported");
      }
      fail(prop, "rdf:parseType=\"" + parse_type->value + "\" is not supported");
    }
    auto elements = prop.elements();
    if (!elements.empty()) {
      if (elements.size() != 1) fail(prop, "a property element with several node elements");
      rdf::Term object = node_element(*elements[0], lang);
      add(subject, predicate, object);
      return;
    }
    bool has_property_attributes = false;
    for (const auto& a : prop.attributes) {
      if (!is_syntax_attribute(a)) has_property_attributes = true;
    }
    if (resource || node_id || has_property_attributes) {
      rdf::Term object = resource  ? rdf::Term::iri(rdf::resolve_iri(base_, resource->value))
                         : node_id ? blank_named(node_id->value)
                                   : fresh_blank();
      add(subject, predicate, object);
      property_attributes(prop, object, lang);
      return;
    }
    std::string text = prop.text_content();
    if (datatype) {
      add(subject, predicate, rdf::Term::literal(text, rdf::resolve_iri(base_, datatype->value)));
    } else {
      add(subject, predicate, rdf::Term::literal(text, "", lang));
    }
  }

  std::string base_;
  std::vector<rdf::Quad> triples_;
  unsigned long blank_counter_ = 0;
};

}  // namespace

std::vector<rdf::Quad> read_rdf_xml(std::string_view text, std::string_view base_iri) {
  XmlNode root = detail::parse_xml(text);
  std::string base(base_iri);
  if (const auto* b = root.attribute(detail::kXmlNs, "base"))
    base = rdf::resolve_iri(base, b->value);
  return RdfXmlReader(base).read(root);
}

}  // namespace ng::sparql
