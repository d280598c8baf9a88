#include "rdf/isomorphism.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

namespace ng::rdf {
namespace {

bool has_blank(const Quad& q) {
  return q.subject.is_blank() || q.object.is_blank() || (q.graph && q.graph->is_blank());
}

// The position-wise terms of a quad; the graph is absent for the default graph.
std::vector<const Term*> positions(const Quad& q) {
  std::vector<const Term*> out{&q.subject, &q.predicate, &q.object};
  out.push_back(q.graph ? &*q.graph : nullptr);
  return out;
}

std::string term_key(const Term* t) { return t ? t->to_ntriples() : std::string("<>"); }

using Colours = std::map<std::string, std::size_t>;  // blank label -> colour

// Iterated colour refinement: a blank node's colour is a hash of the quads it occurs in, with
// the other blank nodes replaced by their current colours.
Colours refine(const std::vector<Quad>& quads) {
  Colours colour;
  for (const auto& q : quads)
    for (const Term* t : positions(q))
      if (t && t->is_blank()) colour[t->value] = 0;
  for (int round = 0; round < 4; ++round) {
    std::map<std::string, std::vector<std::string>> signature;
    for (const auto& q : quads) {
      auto pos = positions(q);
      for (std::size_t i = 0; i < pos.size(); ++i) {
        if (!pos[i] || !pos[i]->is_blank()) continue;
        std::string sig = std::to_string(i) + ":";
        for (std::size_t j = 0; j < pos.size(); ++j) {
          const Term* t = pos[j];
          if (t && t->is_blank()) {
            sig += (j == i ? "self" : "_" + std::to_string(colour[t->value])) + " ";
          } else {
            sig += term_key(t) + " ";
          }
        }
        signature[pos[i]->value].push_back(sig);
      }
    }
    Colours next;
    for (auto& [label, sigs] : signature) {
      std::sort(sigs.begin(), sigs.end());
      std::string all = std::to_string(colour[label]);
      for (const auto& s : sigs) all += "|" + s;
      next[label] = std::hash<std::string>{}(all);
    }
    colour = std::move(next);
  }
  return colour;
}

Quad rename(const Quad& q, const std::map<std::string, std::string>& mapping) {
  auto map_term = [&](const Term& t) {
    if (!t.is_blank()) return t;
    auto it = mapping.find(t.value);
    return it == mapping.end() ? t : Term::blank(it->second);
  };
  Quad out{map_term(q.subject), q.predicate, map_term(q.object), std::nullopt};
  if (q.graph) out.graph = map_term(*q.graph);
  return out;
}

std::string quad_key(const Quad& q) { return to_nquads(q); }

}  // namespace

bool isomorphic(std::vector<Quad> a, std::vector<Quad> b) {
  auto dedup = [](std::vector<Quad>& v) {
    std::map<std::string, Quad> unique;
    for (auto& q : v) unique.emplace(quad_key(q), std::move(q));
    v.clear();
    for (auto& [k, q] : unique) v.push_back(std::move(q));
  };
  dedup(a);
  dedup(b);
  if (a.size() != b.size()) return false;

  std::vector<Quad> blank_a, blank_b;
  std::set<std::string> ground_a, ground_b;
  for (auto& q : a) has_blank(q) ? blank_a.push_back(q) : (void)ground_a.insert(quad_key(q));
  for (auto& q : b) has_blank(q) ? blank_b.push_back(q) : (void)ground_b.insert(quad_key(q));
  if (ground_a != ground_b || blank_a.size() != blank_b.size()) return false;
  if (blank_a.empty()) return true;

  Colours ca = refine(blank_a), cb = refine(blank_b);
  if (ca.size() != cb.size()) return false;
  std::multiset<std::size_t> ha, hb;
  for (auto& [l, c] : ca) ha.insert(c);
  for (auto& [l, c] : cb) hb.insert(c);
  if (ha != hb) return false;

  std::set<std::string> target;
  for (const auto& q : blank_b) target.insert(quad_key(q));
  std::vector<std::string> order;
  for (auto& [l, c] : ca) order.push_back(l);
  // Try rare colours first: fewer candidates near the root of the search.
  std::map<std::size_t, int> frequency;
  for (auto& [l, c] : cb) ++frequency[c];
  std::stable_sort(order.begin(), order.end(), [&](const auto& x, const auto& y) {
    return frequency[ca[x]] < frequency[ca[y]];
  });

  std::map<std::string, std::string> mapping;
  std::set<std::string> used;
  // Quads of A whose blank nodes are all mapped must exist in B.
  auto consistent = [&]() {
    for (const auto& q : blank_a) {
      bool complete = true;
      for (const Term* t : positions(q))
        if (t && t->is_blank() && !mapping.count(t->value)) complete = false;
      if (complete && !target.count(quad_key(rename(q, mapping)))) return false;
    }
    return true;
  };
  std::function<bool(std::size_t)> search = [&](std::size_t i) {
    if (i == order.size()) return true;
    const std::string& label = order[i];
    for (auto& [candidate, colour] : cb) {
      if (colour != ca[label] || used.count(candidate)) continue;
      mapping[label] = candidate;
      used.insert(candidate);
      if (consistent() && search(i + 1)) return true;
      mapping.erase(label);
      used.erase(candidate);
    }
    return false;
  };
  return search(0);
}

}  // namespace ng::rdf
