// Text pipeline: normalisation with an offset map, tokens, sentences.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extract/stage1_entities.hpp"

namespace ng::extract {

// The normalised text (NFC, typographic quotes -> ASCII ' and ", dashes -> '-', no-break
// spaces -> ' ', CR and invisible characters dropped) and, for each of its bytes, the byte
// offset in the original text it came from (one extra entry for the end).
struct NormalizedText {
  std::string text;
  std::vector<std::uint32_t> to_original;
  std::size_t original_offset(std::size_t normalized_byte) const {
    return to_original[normalized_byte < to_original.size() ? normalized_byte
                                                            : to_original.size() - 1];
  }
};

// Never fails: invalid UTF-8 (which the reader rejects earlier) becomes U+FFFD.
NormalizedText normalize_text(std::string_view original);

enum class TokenKind : std::uint8_t { Word, Number, Punct };

// Token flags.
inline constexpr std::uint8_t kCapitalized = 1;   // first letter upper case
inline constexpr std::uint8_t kAllCaps = 2;       // two or more letters, none lower case
inline constexpr std::uint8_t kAfterNewline = 4;  // a line break precedes the token
inline constexpr std::uint8_t kInQuote = 8;       // inside a direct quotation
inline constexpr std::uint8_t kQuoteOpen = 16;    // this '"' token opens a quotation

struct Token {
  std::uint32_t begin = 0;  // byte offsets into the normalised text
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::Word;
  std::uint8_t flags = 0;
  std::string key;  // case-folded, accents removed: what lexicons are matched against
  // hash_key(key), set by tokenize() so that each PhraseIndex lookup need not hash the key
  // again; 0 means "not computed" (tokens built by hand), and lookups then hash the key.
  std::uint64_t key_hash = 0;
  bool is(std::uint8_t flag) const { return (flags & flag) != 0; }
};

// A 64-bit hash of a token key, never 0 (0 marks Token::key_hash as not computed).
std::uint64_t hash_key(std::string_view key);
// The key's hash as a lookup needs it: the one tokenize() stored, or computed now.
inline std::uint64_t key_hash_of(const Token& token) {
  return token.key_hash != 0 ? token.key_hash : hash_key(token.key);
}

// The digits of a number token that is a plain count ("1,200" -> "1200"); nothing when the
// token holds anything else ("2,600-km", "10th").
std::optional<std::string> count_digits(std::string_view key);

// Lower case with accents removed ("Nangarhār" -> "nangarhar"); the lexicon key of a word.
std::string fold_key(std::string_view word);
// The same appended to `out` (start-up folds ~100k gazetteer words into one buffer).
void append_fold_key(std::string_view word, std::string& out);

// Splits normalised text into tokens. Words keep internal hyphens and apostrophes
// ("Ahl-e-Sunnat", "U.S.-led"); a trailing "'s" is its own token; numbers keep group
// separators and unit suffixes ("2,600-km"); a period stays on a word found in
// `abbreviations` (keys such as "lt.") and on initials ("U.N.").
std::vector<Token> tokenize(std::string_view text,
                            const std::unordered_set<std::string>& abbreviations);

struct Sentence {
  std::uint32_t begin = 0;  // byte offsets into the normalised text
  std::uint32_t end = 0;
  std::uint32_t first_token = 0;  // token range [first_token, last_token)
  std::uint32_t last_token = 0;
  bool in_quote = false;  // some of it lies inside a direct quotation
};

// At most this many tokens per sentence (wire copy stays under 80); longer runs are cut.
inline constexpr std::size_t kMaxSentenceTokens = 150;

// Sentences from ICU's BreakIterator, corrected: no break after a listed abbreviation or
// before a lower-case word, always a break at a line break, and a cut after
// kMaxSentenceTokens tokens (at a clause mark where there is one). Trailing spaces are trimmed.
std::vector<Sentence> split_sentences(std::string_view text, const std::vector<Token>& tokens,
                                      const std::unordered_set<std::string>& abbreviations);

// The byte offsets, in order, at which ICU's sentence iterator breaks inside the lines of `text`
// (as in a run over the whole text), and some at the start or end of a line. ICU reads only the
// stretches around sentence terminators, and whole lines that are not printable ASCII. Exposed
// for tests; split_sentences uses it.
std::vector<std::uint32_t> sentence_breaks(std::string_view text);

// The opening dateline, where the report was filed: a word in capitals opening the text, or the
// line after a headline (a first line that ends without . ! ?), then a dash within a dozen
// tokens: "KHARTOUM -", "YANGON, Myanmar (AP) -"; or, without a dash, a place and date up to an
// agency's credit in brackets or slashes: "Jammu/Srinagar, Sep 14 (PTI)", "MOSCOW, March 4.
// /TASS/.". Tokens [begin, end) precede the dash or the credit; begin == end when there is none.
struct Dateline {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};
Dateline find_dateline(const std::vector<Token>& tokens);

// An article's text after normalisation, tokens and sentences: stage 1 makes it, stage 2 may
// reuse it instead of repeating the work. `abbreviations` is the set it was made with.
struct TextAnalysis {
  NormalizedText norm;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  const std::unordered_set<std::string>* abbreviations = nullptr;
  Stage1Entities entities;  // stage 1's entities (Extractor::extract), for stage 2
};

// Number of code points in text[0, byte_offset): NIF offsets count code points.
std::size_t code_point_count(std::string_view text, std::size_t byte_offset);

}  // namespace ng::extract
