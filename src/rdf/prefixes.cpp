#include "rdf/prefixes.hpp"

#include <algorithm>

#include "rdf/vocab.hpp"

namespace ng::rdf {
namespace {

// A conservative PN_LOCAL check (ASCII subset): letters, digits, '_', '-', and inner '.'.
// Anything else keeps the full IRI, which is always correct.
bool is_simple_local_name(std::string_view local) {
  if (local.empty()) return true;
  if (local.back() == '.') return false;
  for (char c : local) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.';
    if (!ok) return false;
  }
  return local.front() != '-' && local.front() != '.';
}

}  // namespace

PrefixRegistry PrefixRegistry::common() {
  PrefixRegistry r;
  r.set("rdf", vocab::kRdf);
  r.set("rdfs", vocab::kRdfs);
  r.set("owl", vocab::kOwl);
  r.set("xsd", vocab::kXsd);
  r.set("skos", vocab::kSkos);
  r.set("prov", vocab::kProv);
  r.set("schema", vocab::kSchema);
  r.set("dcterms", vocab::kDcterms);
  r.set("geo", vocab::kGeo);
  r.set("gn", vocab::kGn);
  r.set("sem", vocab::kSem);
  r.set("nif", vocab::kNif);
  r.set("foaf", vocab::kFoaf);
  r.set("ng", vocab::kNg);
  r.set("ngr", vocab::kNgId);
  return r;
}

void PrefixRegistry::set(std::string_view name, std::string_view iri) {
  for (auto& p : prefixes_) {
    if (p.name == name) {
      p.iri = std::string(iri);
      return;
    }
  }
  prefixes_.push_back({std::string(name), std::string(iri)});
}

std::optional<std::string> PrefixRegistry::expand(std::string_view curie) const {
  auto colon = curie.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  auto name = curie.substr(0, colon);
  for (const auto& p : prefixes_) {
    if (p.name == name) return p.iri + std::string(curie.substr(colon + 1));
  }
  return std::nullopt;
}

std::optional<std::string> PrefixRegistry::abbreviate(std::string_view iri) const {
  const Prefix* best = nullptr;
  for (const auto& p : prefixes_) {
    if (p.iri.empty() || !iri.starts_with(p.iri)) continue;
    if (!is_simple_local_name(iri.substr(p.iri.size()))) continue;
    if (!best || p.iri.size() > best->iri.size()) best = &p;
  }
  if (!best) return std::nullopt;
  return best->name + ":" + std::string(iri.substr(best->iri.size()));
}

}  // namespace ng::rdf
