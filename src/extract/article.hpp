// Article reader: text files (front matter or a leading `date YYYY-MM-DD`), directories
// (recursively) and JSON Lines batches.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rdf/utf8.hpp"

namespace ng::extract {

struct Article {
  std::string id;    // file name without extension, JSON Lines "id", or "<stem>-<line>"
  std::string file;  // where it was read from
  std::string title;
  std::string source;
  std::string url;
  std::string date;  // ISO YYYY-MM-DD, empty when unknown
  // For an undated article, the date of a dated article of the same batch that tells the same
  // story (story_dates.hpp), against which its relative time expressions resolve; else empty.
  std::string inferred_date;
  std::string language;  // as given, lower case; empty when unknown
  // The article text as it appears in the file, metadata removed: every offset the extractor
  // emits counts into this string.
  std::string text;
};

enum class Severity { Warning, Error };

// A problem with one input. `line` and `column` are 1-based (0 = not applicable).
struct Diagnostic {
  Severity severity = Severity::Error;
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
  std::size_t byte_offset = 0;
  std::string message;
  // "FILE:LINE:COL: error: MESSAGE" (line/col omitted when unknown, byte offset added).
  std::string to_string() const;
};

// Size limits for untrusted input (ingest --max-article-size, --max-line-length). An input past a
// limit is reported (file, line, size, limit) and skipped; the others are still read.
struct ReadLimits {
  std::size_t max_article_bytes = 8u << 20;  // one text file, or one JSON line
  std::size_t max_line_bytes = 1u << 20;     // one line of a text article
};

// Reads every path: a file is read whatever its extension (".jsonl"/".ndjson" as JSON Lines);
// a directory is walked recursively in sorted order, reading .txt, .md, .text, .jsonl and
// .ndjson files. Bad inputs (unreadable, empty, binary, invalid UTF-8, malformed JSON line)
// add a Diagnostic and are skipped; everything else is still returned. Never throws for bad input.
std::vector<Article> read_articles(const std::vector<std::string>& paths,
                                   std::vector<Diagnostic>& diagnostics,
                                   const ReadLimits& limits = {});

// One text article from its file content; `file` names it in diagnostics and gives the id.
// Returns false (with a Diagnostic) when the content cannot be used.
bool parse_text_article(std::string_view content, std::string_view file, Article& article,
                        std::vector<Diagnostic>& diagnostics, const ReadLimits& limits = {});

// Articles from a JSON Lines batch; malformed lines are reported and skipped.
std::vector<Article> parse_json_lines(std::string_view content, std::string_view file,
                                      std::vector<Diagnostic>& diagnostics,
                                      const ReadLimits& limits = {});

// Byte offset of the first invalid UTF-8 sequence, or npos when the text is valid.
using rdf::find_invalid_utf8;

// The date an article's relative time expressions ("on Friday", "this month") resolve against:
// its own date, else the date inferred from its batch, else "" (they stay unresolved).
inline const std::string& reference_date(const Article& article) {
  return article.date.empty() ? article.inferred_date : article.date;
}

// True for a valid ISO calendar date YYYY-MM-DD.
bool is_iso_date(std::string_view text);

}  // namespace ng::extract
