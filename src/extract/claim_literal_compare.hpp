// Private to ng_extract: how stage 2 compares a std::string with a C string.
//
// Stage 2 compares token keys, claim types and entity classes with string literals everywhere
// (`tokens_[k].key == "the"`, `cue.type == "Threat"`, `en.cls == "City"`): about 860k times on
// 300 articles. libstdc++ 12's operator== for (std::string, const char*) calls the out-of-line
// compare(), which measures the literal (strlen) and calls memcmp: ~60 instructions a time.
//
// The overload below is found by ordinary lookup from code in ng::extract::claims and, being
// no template, is chosen over std's template for these operands (`!=` is rewritten from it).
// It compares the lengths first; inlined with a literal, the length is a constant and the
// memcmp of a few bytes is expanded in place (always inlined: in claims_in's long body g++
// otherwise keeps one out-of-line copy, which measures the literal again). The answer is the same
// as std's; where some scope hides this overload, std's is used, which is only slower.
#pragma once

#include <cstring>
#include <string>

namespace ng::extract::claims {

[[gnu::always_inline]] inline bool operator==(const std::string& a, const char* b) {
  const std::size_t n = std::char_traits<char>::length(b);
  return a.size() == n && std::memcmp(a.data(), b, n) == 0;
}

}  // namespace ng::extract::claims
