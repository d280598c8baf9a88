// Stage 1 and stage 2 loaded once per test program with the checkout's full resources, shared
// by the tests that run both stages over an article (stage2_test, generalisation_test).
#pragma once

#include <string>

#include "extract/extractor.hpp"
#include "extract/stage2.hpp"
#include "rdf/vocab.hpp"

namespace ng_test {

struct Stages {
  ng::extract::Extractor stage1{ng::extract::ResourcePaths::under(NG_SOURCE_DIR)};
  ng::extract::ClaimStage stage2{ng::extract::ResourcePaths::under(NG_SOURCE_DIR)};
};

// Inline: one instance for the whole program, whichever test file asks first.
inline const Stages& stages() {
  static const Stages s;
  return s;
}

inline std::string ng_term(const std::string& local) { return std::string(ng::vocab::kNg) + local; }

}  // namespace ng_test
