// Private to ng_extract: how stages 1 and 2 compare a std::string with a C string.
//
// The extractor compares token keys, event and claim types and entity classes with string
// literals everywhere (`tokens_[k].key == "the"`, `cue.type == "Threat"`, `ev.cls != "Statement"`):
// about a million times on 300 articles. libstdc++ 12's operator== for (std::string, const char*)
// calls the out-of-line compare(), which measures the literal (strlen) and calls memcmp: ~60
// instructions a time.
//
// The overload below is brought into ng::extract::claims (stage 2) and ng::extract::stage1 (the
// event code) by using-declarations, so ordinary lookup from code there finds it and, being no
// template, it is chosen over std's template for these operands (`!=` is rewritten from it). It
// compares the lengths first; inlined with a literal, the length is a constant and the memcmp of
// a few bytes is expanded in place (always inlined: in long bodies such as claims_in g++
// otherwise keeps one out-of-line copy, which measures the literal again). The answer is the same
// as std's; where some scope hides this overload, std's is used, which is only slower.
#pragma once

#include <cstring>
#include <string>

namespace ng::extract::literal_compare {

[[gnu::always_inline]] inline bool operator==(const std::string& a, const char* b) {
  const std::size_t n = std::char_traits<char>::length(b);
  return a.size() == n && std::memcmp(a.data(), b, n) == 0;
}

}  // namespace ng::extract::literal_compare

namespace ng::extract::claims {
using literal_compare::operator==;
}  // namespace ng::extract::claims

namespace ng::extract::stage1 {
using literal_compare::operator==;
}  // namespace ng::extract::stage1
