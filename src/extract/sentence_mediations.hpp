// One sentence may name the same mediator in two mediation phrases. "Freedonia, which brokered
// the 2019 accord between Ruritania and Elbonia, said it was ready to mediate between Sylvania and
// Borduria" tells two mediations; "Freedonia, which brokered the 1992 accord, has offered to
// facilitate talks" tells one, the main clause's (the relative clause recalls the mediator's
// past, so the main clause gives the status).
#pragma once

#include <cstddef>
#include <vector>

namespace ng::extract {

// A mediator already found in the sentence being read.
struct SentenceMediator {
  int mediator = -1;
  std::vector<int> parties;  // as found (order ignored)
  bool relative = false;     // its phrase sits in a relative clause on the mediator
  std::size_t pending = 0;   // index of its mediation among the article's pending ones
};

enum class MediatorRepeat {
  New,      // a mediation of its own
  Replace,  // the same mediation, told again by the main clause: take this phrase's status
  Skip,     // the same mediation again: nothing new
};

// What a phrase naming `mediator` between `parties` adds to the sentence's mediations;
// `which` is set to the earlier mediation's pending index on Replace.
MediatorRepeat classify_repeat(const std::vector<SentenceMediator>& seen, int mediator,
                               const std::vector<int>& parties, bool relative, std::size_t& which);

}  // namespace ng::extract
