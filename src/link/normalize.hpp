// Name normalisation for linking: two spellings of one name get the same key.
//
// name_key() is the extractor's fold_key (NFD, non-spacing marks removed, case folded) followed by
// Latin-ASCII transliteration and punctuation rules, so keys are plain ASCII words separated by
// single spaces. loose_key() adds the generic orthographic rules of kVariantRules (transliteration
// variants such as kh/k, ou/u, doubled letters) and drops the spaces: a loose match is weaker
// evidence and is scored lower by the linker. See docs/linking.md.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace ng::link {

// One rewrite of the loose key: `from` becomes `to` (scanning left to right, at each position the
// first rule of the table that matches wins).
struct VariantRule {
  std::string_view from;
  std::string_view to;
  std::string_view why;
};

// The table of generic orthographic rules used by loose_key() (no place names: only spellings
// that transliteration systems disagree on).
extern const VariantRule kVariantRules[];
extern const std::size_t kVariantRuleCount;

// Builds keys. Holds ICU objects (created once; creating a transliterator is slow), so make one
// per thread and reuse it. Not thread-safe.
class NameNormalizer {
 public:
  NameNormalizer();
  ~NameNormalizer();
  NameNormalizer(const NameNormalizer&) = delete;
  NameNormalizer& operator=(const NameNormalizer&) = delete;

  // Case-folded, accent-free ASCII words separated by one space; apostrophes and dots removed
  // ("U.S." -> "us", "Ma'arrat" -> "maarrat"), hyphens, dashes and other punctuation -> space,
  // a leading "the " dropped. Empty for a name with no letters or digits. Invalid UTF-8 is
  // replaced, never an error.
  std::string name_key(std::string_view name);

  // name_key() with kVariantRules applied and spaces removed.
  std::string loose_key(std::string_view name);
  // The same from a key name_key() already returned.
  static std::string loose_from_key(std::string_view key);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ng::link
