// Prefix registry: prefix <-> namespace pairs used to expand CURIEs and to abbreviate output.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ng::rdf {

struct Prefix {
  std::string name;  // without the colon; "" for the default prefix
  std::string iri;
};

class PrefixRegistry {
 public:
  // The common vocabularies: rdf, rdfs, owl, xsd, skos, prov, schema, dcterms, geo, gn, sem,
  // nif, foaf, and ours (ng, ngr).
  static PrefixRegistry common();

  // Adds or replaces a binding.
  void set(std::string_view name, std::string_view iri);
  std::optional<std::string> expand(std::string_view curie) const;
  // The longest-namespace CURIE for `iri` whose local part is a valid PN_LOCAL, if any.
  std::optional<std::string> abbreviate(std::string_view iri) const;
  const std::vector<Prefix>& prefixes() const { return prefixes_; }

 private:
  std::vector<Prefix> prefixes_;
};

}  // namespace ng::rdf
