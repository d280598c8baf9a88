// Fuzz target: the whole extraction of one article (ng::extract::Extractor::extract) with the
// checkout's rules, lexicons and gazetteers.
//
// The input is an article file: it goes through parse_text_article (which rejects invalid UTF-8
// and binary content, as `ingest` does) and, when accepted, through the extractor. Every quad must
// be well formed (non-empty subject, predicate and graph); nothing may crash or hang.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "extract/article.hpp"
#include "extract/extractor.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const ng::extract::Extractor* extractor =
      new ng::extract::Extractor(ng::extract::ResourcePaths::under(NG_SOURCE_DIR));
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  std::vector<ng::extract::Diagnostic> diagnostics;
  ng::extract::Article article;
  if (!ng::extract::parse_text_article(content, "fuzz/article.txt", article, diagnostics)) {
    return 0;
  }
  ng::extract::VectorSink sink;
  (void)extractor->extract(article, sink);
  return 0;
}
