// ng_sparql_parse_check [--sse] [--roundtrip] FILE...: parses each query file (base IRI = its
// file:// IRI) and prints "OK FILE" or "ERR FILE: message" per file; --sse prints the algebra,
// --roundtrip checks that to_sparql's text parses back to the same algebra ("RT-FAIL FILE" if not).
// Exit code: 0 if every file parsed (and round-tripped), 1 otherwise.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>

#include "sparql/algebra/query.hpp"

namespace {

// Renames internal variables (??x) and blank nodes (_:x) in order of first appearance.
// (A hand-written scan: std::regex trips GCC 12's -Wmaybe-uninitialized at -O2.)
std::string normalize(const std::string& sse) {
  std::map<std::string, std::string> names;
  std::string out;
  std::size_t i = 0;
  while (i < sse.size()) {
    const bool internal = sse.compare(i, 2, "??") == 0;
    const bool blank = sse.compare(i, 2, "_:") == 0;
    if (!internal && !blank) {
      out += sse[i++];
      continue;
    }
    std::size_t end = i + 2;
    while (end < sse.size() &&
           std::string_view(" \n\t()[]").find(sse[end]) == std::string_view::npos) {
      ++end;
    }
    const std::string name = sse.substr(i, end - i);
    auto [entry, inserted] = names.emplace(name, "");
    if (inserted) entry->second = sse.substr(i, 2) + "v" + std::to_string(names.size());
    out += entry->second;
    i = end;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  bool sse = false;
  bool roundtrip = false;
  bool all_ok = true;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--sse") {
      sse = true;
      continue;
    }
    if (arg == "--roundtrip") {
      roundtrip = true;
      continue;
    }
    std::ifstream in(arg, std::ios::binary);
    if (!in) {
      std::cout << "ERR " << arg << ": cannot read\n";
      all_ok = false;
      continue;
    }
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string base = "file://" + std::filesystem::absolute(arg).string();
    ng::sparql::Query q;
    try {
      q = ng::sparql::parse_query(buf.str(), base);
      std::cout << "OK " << arg << "\n";
      if (sse) std::cout << ng::sparql::to_sse(q) << "\n";
    } catch (const ng::sparql::SyntaxError& e) {
      std::cout << "ERR " << arg << ": " << e.what() << "\n";
      all_ok = false;
      continue;
    }
    if (!roundtrip) continue;
    const std::string text = ng::sparql::to_sparql(q);
    try {
      const ng::sparql::Query again = ng::sparql::parse_query(text);
      if (normalize(ng::sparql::to_sse(again)) != normalize(ng::sparql::to_sse(q))) {
        std::cout << "RT-FAIL " << arg << "\n"
                  << text << "\n"
                  << ng::sparql::to_sse(q) << "\n--- became\n"
                  << ng::sparql::to_sse(again) << "\n";
        all_ok = false;
      }
    } catch (const ng::sparql::SyntaxError& e) {
      std::cout << "RT-FAIL " << arg << ": " << e.what() << "\n" << text << "\n";
      all_ok = false;
    }
  }
  return all_ok ? 0 : 1;
}
