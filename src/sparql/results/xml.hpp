// A small, strict XML reader for result documents (SPARQL XML results, simple RDF/XML): elements,
// attributes, text, CDATA, comments, processing instructions, character and the predefined
// entity references, and namespaces. No DTDs. Internal to src/sparql/results/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ng::sparql::detail {

inline constexpr std::string_view kXmlNs = "http://www.w3.org/XML/1998/namespace";

struct XmlAttribute {
  std::string ns;  // namespace IRI ("" when unprefixed)
  std::string local;
  std::string value;
};

struct XmlNode {
  bool is_text = false;
  std::string text;  // text nodes only (entities decoded)
  std::string ns;    // elements: namespace IRI and local name
  std::string local;
  std::vector<XmlAttribute> attributes;  // without xmlns declarations
  std::vector<XmlNode> children;
  unsigned long line = 0;  // 1-based line of the start tag

  bool is(std::string_view ns_iri, std::string_view local_name) const {
    return !is_text && ns == ns_iri && local == local_name;
  }
  const XmlAttribute* attribute(std::string_view ns_iri, std::string_view local_name) const;
  // The concatenated text of all descendant text nodes.
  std::string text_content() const;
  // Child elements only.
  std::vector<const XmlNode*> elements() const;
};

// Parses a document and returns its root element. Throws ResultsParseError ("line L: ...").
XmlNode parse_xml(std::string_view text);

}  // namespace ng::sparql::detail
