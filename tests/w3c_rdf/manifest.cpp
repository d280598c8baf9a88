#include "manifest.hpp"

#include <filesystem>

namespace ng::w3c {
namespace {

constexpr const char* kMf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
constexpr const char* kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr const char* kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
constexpr const char* kDawgt = "http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#";

std::string local_name(std::string_view iri) {
  auto cut = iri.find_last_of("#/");
  return std::string(cut == std::string_view::npos ? iri : iri.substr(cut + 1));
}

class Reader {
 public:
  explicit Reader(store::Store& store) : store_(store), world_(store.world()) {}

  std::optional<store::NodeId> object(store::NodeId s, const std::string& p) {
    auto pred = world_.iri(p);
    auto c = store_.scan_union(s, pred.get(), nullptr);
    store::QuadIds q;
    if (c.next(q)) return q.object;
    return std::nullopt;
  }

  std::vector<store::NodeId> subjects(const std::string& p, const std::string& o) {
    auto pred = world_.iri(p), obj = world_.iri(o);
    std::vector<store::NodeId> out;
    auto c = store_.scan_union(nullptr, pred.get(), obj.get());
    store::QuadIds q;
    while (c.next(q)) out.push_back(q.subject);
    return out;
  }

  std::vector<store::NodeId> list(store::NodeId head) {
    std::vector<store::NodeId> out;
    std::string nil = std::string(kRdf) + "nil";
    while (head && store::World::view(head).value != nil) {
      auto first = object(head, std::string(kRdf) + "first");
      if (!first) break;
      out.push_back(*first);
      auto rest = object(head, std::string(kRdf) + "rest");
      head = rest ? *rest : nullptr;
    }
    return out;
  }

  std::string str(std::optional<store::NodeId> n) {
    return n ? std::string(store::World::view(*n).value) : std::string();
  }

 private:
  store::Store& store_;
  store::World& world_;
};

}  // namespace

std::string path_from_file_iri(const std::string& iri) {
  std::string_view rest = iri;
  if (rest.starts_with("file://")) rest.remove_prefix(7);
  std::string out;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size()) {
      out += static_cast<char>(std::stoi(std::string(rest.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += rest[i];
    }
  }
  return out;
}

Manifest read_manifest(const std::string& path, const std::string& suite_root) {
  store::World world;
  store::Store store(world);
  store::load_file(store, path);
  Reader r(store);
  Manifest m;
  auto manifests = r.subjects(std::string(kRdf) + "type", std::string(kMf) + "Manifest");
  std::string rel = std::filesystem::relative(path, suite_root).string();
  for (store::NodeId man : manifests) {
    m.assumed_test_base = r.str(r.object(man, std::string(kMf) + "assumedTestBase"));
    if (auto inc = r.object(man, std::string(kMf) + "include")) {
      for (auto n : r.list(*inc)) m.includes.push_back(path_from_file_iri(r.str(n)));
    }
    auto entries = r.object(man, std::string(kMf) + "entries");
    if (!entries) continue;
    for (store::NodeId e : r.list(*entries)) {
      ManifestEntry entry;
      std::string iri(store::World::view(e).value);
      auto hash = iri.find('#');
      entry.id = rel + (hash == std::string::npos ? "#" + local_name(iri) : iri.substr(hash));
      entry.type = local_name(r.str(r.object(e, std::string(kRdf) + "type")));
      entry.name = r.str(r.object(e, std::string(kMf) + "name"));
      if (entry.name.empty()) entry.name = r.str(r.object(e, std::string(kRdfs) + "label"));
      auto action = r.object(e, std::string(kMf) + "action");
      if (action && store::World::view(*action).is_iri())
        entry.action = path_from_file_iri(r.str(action));
      auto result = r.object(e, std::string(kMf) + "result");
      if (result && store::World::view(*result).is_iri())
        entry.result = path_from_file_iri(r.str(result));
      auto approval = r.object(e, std::string(kDawgt) + "approval");
      if (!approval) approval = r.object(e, std::string(kMf) + "approval");
      entry.approval = local_name(r.str(approval));
      m.entries.push_back(std::move(entry));
    }
  }
  return m;
}

}  // namespace ng::w3c
