#include "extract/sentence_mediations.hpp"

#include <algorithm>

namespace ng::extract {

namespace {

bool same_sides(std::vector<int> a, std::vector<int> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  return a == b;
}

}  // namespace

MediatorRepeat classify_repeat(const std::vector<SentenceMediator>& seen, int mediator,
                               const std::vector<int>& parties, bool relative, std::size_t& which) {
  for (const SentenceMediator& m : seen) {
    if (m.mediator != mediator) continue;
    if (!same_sides(m.parties, parties)) continue;  // other sides: another mediation
    if (m.relative && !relative) {
      which = m.pending;
      return MediatorRepeat::Replace;
    }
    return MediatorRepeat::Skip;
  }
  return MediatorRepeat::New;
}

}  // namespace ng::extract
