// Private to ng_extract: how stage 1's event code compares a std::string with a C string.
//
// The same overload as claim_literal_compare.hpp, for ng::extract::stage1: complete_event
// compares token keys and event classes with literals (`w == "by"`, `ev.cls != "Statement"`)
// about 100k times on 300 articles, each an out-of-line compare() that measures the literal
// (strlen) and calls memcmp. Inlined with a literal, the length is a constant and the memcmp
// of a few bytes is expanded in place. The answer is the same as std's.
#pragma once

#include <cstring>
#include <string>

namespace ng::extract::stage1 {

[[gnu::always_inline]] inline bool operator==(const std::string& a, const char* b) {
  const std::size_t n = std::char_traits<char>::length(b);
  return a.size() == n && std::memcmp(a.data(), b, n) == 0;
}

}  // namespace ng::extract::stage1
