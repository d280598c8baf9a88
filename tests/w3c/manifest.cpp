#include "manifest.hpp"

#include <stdexcept>

#include "rdf/vocab.hpp"
#include "store/rdf_io.hpp"
#include "store/store.hpp"

namespace ng::w3c {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

class ManifestGraph {
 public:
  ManifestGraph(store::World& world, const std::string& path) : world_(world), store_(world) {
    store::load_file(store_, path);
  }

  std::vector<store::NodeId> objects(store::NodeId subject, std::string_view predicate) {
    store::NodeRef p = intern(predicate);
    std::vector<store::NodeId> out;
    store::Cursor cursor = store_.scan(subject, p.get(), nullptr, nullptr);
    store::QuadIds q;
    while (cursor.next(q)) out.push_back(q.object);
    return out;
  }
  store::NodeId object(store::NodeId subject, std::string_view predicate) {
    auto all = objects(subject, predicate);
    return all.empty() ? nullptr : all.front();
  }
  std::string iri_of(store::NodeId subject, std::string_view predicate) {
    store::NodeId o = object(subject, predicate);
    if (!o) return {};
    auto view = store::World::view(o);
    return view.is_literal() ? std::string() : std::string(view.value);
  }
  std::string text_of(store::NodeId subject, std::string_view predicate) {
    store::NodeId o = object(subject, predicate);
    return o ? std::string(store::World::view(o).value) : std::string();
  }
  // The members of an RDF collection.
  std::vector<store::NodeId> list(store::NodeId head) {
    std::vector<store::NodeId> out;
    for (int guard = 0; head && guard < 100000; ++guard) {
      auto view = store::World::view(head);
      if (view.is_iri() && view.value == vocab::kRdfNil) break;
      store::NodeId first = object(head, vocab::kRdfFirst);
      if (first) out.push_back(first);
      head = object(head, vocab::kRdfRest);
    }
    return out;
  }
  // Subjects with rdf:type mf:Manifest.
  std::vector<store::NodeId> manifests() {
    store::NodeRef type = intern(vocab::kRdfType);
    store::NodeRef manifest = intern(std::string(kMf) + "Manifest");
    std::vector<store::NodeId> out;
    store::Cursor cursor = store_.scan(nullptr, type.get(), manifest.get(), nullptr);
    store::QuadIds q;
    while (cursor.next(q)) out.push_back(q.subject);
    return out;
  }

 private:
  store::NodeRef intern(std::string_view iri) {
    refs_.push_back(world_.iri(iri));
    return refs_.back();
  }

  store::World& world_;
  store::Store store_;
  std::vector<store::NodeRef> refs_;
};

void read_into(store::World& world, const std::string& path,
               const std::vector<std::string>& skip_includes, std::vector<ManifestTest>& tests,
               int depth) {
  if (depth > 32) throw std::runtime_error("manifest includes nested too deeply at " + path);
  ManifestGraph g(world, path);
  const std::string mf(kMf), qt(kQt);
  for (store::NodeId manifest : g.manifests()) {
    for (store::NodeId include_list : g.objects(manifest, mf + "include")) {
      for (store::NodeId item : g.list(include_list)) {
        std::string included = iri_to_path(store::World::view(item).value);
        bool skip = false;
        for (const auto& s : skip_includes) skip = skip || ends_with(included, s);
        if (!skip) read_into(world, included, skip_includes, tests, depth + 1);
      }
    }
    for (store::NodeId entries : g.objects(manifest, mf + "entries")) {
      for (store::NodeId entry : g.list(entries)) {
        ManifestTest t;
        t.iri = std::string(store::World::view(entry).value);
        t.type = g.iri_of(entry, vocab::kRdfType);
        t.name = g.text_of(entry, mf + "name");
        t.manifest = path;
        t.approval = g.iri_of(entry, std::string(kDawgt) + "approval");
        if (t.approval.empty()) t.approval = g.iri_of(entry, std::string(kRdft) + "approval");
        t.result = g.iri_of(entry, mf + "result");
        t.cardinality = g.iri_of(entry, mf + "resultCardinality");
        if (store::NodeId action = g.object(entry, mf + "action")) {
          auto view = store::World::view(action);
          if (view.is_iri()) {
            t.action = std::string(view.value);
          } else if (view.is_blank()) {
            t.query = g.iri_of(action, qt + "query");
            for (store::NodeId d : g.objects(action, qt + "data")) {
              t.data.emplace_back(store::World::view(d).value);
            }
            for (store::NodeId d : g.objects(action, qt + "graphData")) {
              t.graph_data.emplace_back(store::World::view(d).value);
            }
          }
        }
        tests.push_back(std::move(t));
      }
    }
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::vector<ManifestTest> read_manifest(store::World& world, const std::string& path,
                                        const std::vector<std::string>& skip_includes) {
  std::vector<ManifestTest> tests;
  read_into(world, path, skip_includes, tests, 0);
  return tests;
}

std::string iri_to_path(std::string_view iri) {
  constexpr std::string_view kFile = "file://";
  if (iri.substr(0, kFile.size()) != kFile) {
    throw std::invalid_argument("not a file IRI: " + std::string(iri));
  }
  std::string_view rest = iri.substr(kFile.size());
  std::string out;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() + 0 && hex_value(rest[i + 1]) >= 0 &&
        hex_value(rest[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(rest[i + 1]) * 16 + hex_value(rest[i + 2]));
      i += 2;
    } else {
      out += rest[i];
    }
  }
  return out;
}

}  // namespace ng::w3c
