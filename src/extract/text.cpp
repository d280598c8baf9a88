#include "extract/text.hpp"

#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <memory>
#include <numeric>

namespace ng::extract {
namespace {

// The typographic replacement of one code point: -1 drops it, 0 keeps it.
int32_t typographic(UChar32 c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
      return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x00AB:
    case 0x00BB:
      return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
      return '-';
    case 0x00A0:
    case 0x2007:
    case 0x202F:
    case 0x2009:
    case 0x200A:
    case '\t':
      return ' ';
    case 0x00AD:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0xFEFF:
    case '\r':
      return -1;
    default:
      return 0;
  }
}

// ASCII fast paths: the same answers as ICU's for code points below 0x80, which are nearly all
// of English news text (and of the gazetteers' names, tokenised at start-up).
constexpr bool is_ascii(UChar32 c) { return c >= 0 && c < 0x80; }
bool is_digit(UChar32 c) { return is_ascii(c) ? c >= '0' && c <= '9' : u_isdigit(c) != 0; }
bool is_upper_ascii(UChar32 c) { return c >= 'A' && c <= 'Z'; }
bool is_lower_ascii(UChar32 c) { return c >= 'a' && c <= 'z'; }
bool is_alpha(UChar32 c) {
  return is_ascii(c) ? is_upper_ascii(c) || is_lower_ascii(c) : u_isalpha(c) != 0;
}
bool is_lower(UChar32 c) { return is_ascii(c) ? is_lower_ascii(c) : u_islower(c) != 0; }
bool is_upper_or_title(UChar32 c) {
  return is_ascii(c) ? is_upper_ascii(c) : u_isupper(c) || u_istitle(c);
}

// The ASCII cases of these three are inline and the rest out of line: the tokenizer calls them
// for every character of every article.
[[gnu::noinline]] bool is_word_char_beyond_ascii(UChar32 c) {
  return u_isalnum(c) || u_getCombiningClass(c) > 0 || u_charType(c) == U_NON_SPACING_MARK;
}

inline bool is_word_char(UChar32 c) {
  if (is_ascii(c)) return is_upper_ascii(c) || is_lower_ascii(c) || (c >= '0' && c <= '9');
  return is_word_char_beyond_ascii(c);
}

[[gnu::noinline]] UChar32 peek_beyond_ascii(std::string_view s, std::size_t i) {
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
  return c;
}

inline UChar32 peek(std::string_view s, std::size_t i) {
  if (i >= s.size()) return -1;
  if (static_cast<unsigned char>(s[i]) < 0x80) return static_cast<unsigned char>(s[i]);
  return peek_beyond_ascii(s, i);
}

[[gnu::noinline]] std::size_t next_index_beyond_ascii(std::string_view s, std::size_t i) {
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
  (void)c;
  return static_cast<std::size_t>(pos);
}

inline std::size_t next_index(std::string_view s, std::size_t i) {
  if (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) return i + 1;
  return next_index_beyond_ascii(s, i);
}

// Classes of ASCII bytes, so that the tokenizer's common case takes a table lookup, not a
// decoded code point and a chain of tests.
constexpr std::uint8_t kAsciiUpper = 1;
constexpr std::uint8_t kAsciiLower = 2;
constexpr std::uint8_t kAsciiDigit = 4;
constexpr std::array<std::uint8_t, 256> kAsciiClasses = [] {
  std::array<std::uint8_t, 256> t{};
  for (std::size_t c = 'A'; c <= 'Z'; ++c) t[c] = kAsciiUpper;
  for (std::size_t c = 'a'; c <= 'z'; ++c) t[c] = kAsciiLower;
  for (std::size_t c = '0'; c <= '9'; ++c) t[c] = kAsciiDigit;
  return t;
}();
inline std::uint8_t ascii_class(char c) { return kAsciiClasses[static_cast<unsigned char>(c)]; }

// Past the ASCII letters and digits from `i`: word characters (and digits and letters of a
// number) that need no decoding.
inline std::size_t skip_ascii_alnum(std::string_view s, std::size_t i) {
  while (i < s.size() && ascii_class(s[i]) != 0) ++i;
  return i;
}

// Eight bytes of ASCII text tested at once (SWAR): the tokenizer and normalize_text look at
// every byte of every article, and a test per byte was most of their cost.
constexpr std::uint64_t kByteOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kByteHighBits = 0x8080808080808080ULL;

// The high bit of each byte of `w` that lies in [lo, hi]. Every byte of `w` must be below 0x80,
// so that no sum carries into the next byte.
constexpr std::uint64_t bytes_in_range(std::uint64_t w, std::uint8_t lo, std::uint8_t hi) {
  return (w + (0x80u - lo) * kByteOnes) & ~(w + (0x7Fu - hi) * kByteOnes) & kByteHighBits;
}

// The `n` (1 to 8) bytes text[at, at + n) as a word, byte k in bits [8k, 8k + 8), the rest zero.
inline std::uint64_t load_bytes_at(std::string_view text, std::size_t at, std::size_t n) {
  std::uint64_t w = 0;
  if (std::endian::native == std::endian::little && at + 8 <= text.size()) {
    std::memcpy(&w, text.data() + at, 8);  // one load, the bytes past `n` masked off
    return n == 8 ? w : w & ((std::uint64_t{1} << (8 * n)) - 1);
  }
  for (std::size_t k = 0; k < n; ++k) {
    w |= std::uint64_t{static_cast<unsigned char>(text[at + k])} << (8 * k);
  }
  return w;
}

// Appends the fold of the ASCII word text[begin, end) (lower case) to `key`, counting its
// letters and noting whether one is lower case: what tokenize() needs of nearly every token,
// eight bytes at a time. False, appending nothing, when the word is not ASCII.
inline bool fold_ascii_word(std::string_view text, std::size_t begin, std::size_t end,
                            std::string& key, int& letters, bool& lower) {
  const std::size_t start = key.size();
  key.append(text.substr(begin, end - begin));
  std::uint64_t letter_count = 0;
  std::uint64_t lower_bytes = 0;
  for (std::size_t k = begin; k < end; k += 8) {
    const std::uint64_t w = load_bytes_at(text, k, std::min<std::size_t>(8, end - k));
    if ((w & kByteHighBits) != 0) {
      key.resize(start);
      return false;
    }
    const std::uint64_t upper = bytes_in_range(w, 'A', 'Z');
    const std::uint64_t low = bytes_in_range(w, 'a', 'z');
    letter_count += (((upper | low) >> 7) * kByteOnes) >> 56;  // the letters' bytes summed
    lower_bytes |= low;
    // 'A' | 0x20 == 'a': each capital gets bit 5 (a capitalised word has one).
    for (std::uint64_t caps = upper; caps != 0; caps &= caps - 1) {
      char& c = key[start + (k - begin) + static_cast<std::size_t>(std::countr_zero(caps) >> 3)];
      c = static_cast<char>(c | 0x20);
    }
  }
  letters = static_cast<int>(letter_count);
  lower = lower_bytes != 0;
  return true;
}

// The letters of a word that is not ASCII, and whether one is lower case (decoded, by ICU's
// classes): what fold_ascii_word counts for an ASCII word.
void count_letters(std::string_view word, int& letters, bool& lower) {
  for (std::size_t k = 0; k < word.size(); k = next_index(word, k)) {
    const UChar32 d = peek(word, k);
    if (is_alpha(d)) {
      ++letters;
      if (is_lower(d)) lower = true;
    }
  }
}

// ASCII that normalize_text keeps as it is: all but the tab and CR (replaced, dropped).
bool is_plain_ascii(uint8_t b) { return b < 0x80 && b != '\t' && b != '\r'; }

// The end of the run of plain ASCII bytes from `i` that go through normalisation unchanged: the
// last one before a non-ASCII byte stays out, as a combining mark may follow it.
int32_t plain_ascii_run_end(const uint8_t* data, int32_t i, int32_t length) {
  int32_t end = i;
  // Eight bytes at a time while none of them ends the run, then byte by byte.
  for (std::uint64_t w = 0; end + 8 <= length; end += 8) {
    std::memcpy(&w, data + end, 8);
    if ((w & kByteHighBits) != 0 ||
        (bytes_in_range(w, '\t', '\t') | bytes_in_range(w, '\r', '\r')) != 0) {
      break;
    }
  }
  while (end < length && is_plain_ascii(data[end])) ++end;
  if (end > i && end < length && data[end] >= 0x80) --end;
  return end;
}

}  // namespace

NormalizedText normalize_text(std::string_view original) {
  NormalizedText out;
  out.text.reserve(original.size());
  out.to_original.reserve(original.size() + 1);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  // A pending run of non-ASCII code points between NFC boundaries, normalised as one segment.
  icu::UnicodeString segment;
  std::size_t segment_start = 0;
  auto flush = [&]() {
    if (segment.isEmpty()) return;
    // Most segments (accented names) are in NFC already: a quick check, not a normalisation.
    const icu::UnicodeString* result = &segment;
    icu::UnicodeString normalized;
    UErrorCode st = U_ZERO_ERROR;
    if (nfc && nfc->quickCheck(segment, st) != UNORM_YES) {
      st = U_ZERO_ERROR;
      normalized = nfc->normalize(segment, st);
      if (U_SUCCESS(st)) result = &normalized;
    }
    const std::size_t before = out.text.size();
    icu::StringByteSink<std::string> sink(&out.text);
    result->toUTF8(sink);
    out.to_original.resize(out.to_original.size() + (out.text.size() - before),
                           static_cast<uint32_t>(segment_start));
    segment.remove();
  };
  const auto* data = reinterpret_cast<const uint8_t*>(original.data());
  const auto length = static_cast<int32_t>(original.size());
  int32_t i = 0;
  while (i < length) {
    // Nearly all of a news text is ASCII that passes through unchanged: copied by runs, not by
    // code points.
    const int32_t run_end = plain_ascii_run_end(data, i, length);
    if (run_end > i) {
      flush();
      out.text.append(original.data() + i, static_cast<std::size_t>(run_end - i));
      const std::size_t mapped = out.to_original.size();
      out.to_original.resize(mapped + static_cast<std::size_t>(run_end - i));
      std::iota(out.to_original.begin() + static_cast<std::ptrdiff_t>(mapped),
                out.to_original.end(), static_cast<uint32_t>(i));
      i = run_end;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(data, i, length, c);
    if (c < 0) c = 0xFFFD;
    int32_t replacement = typographic(c);
    if (replacement < 0) continue;
    if (replacement > 0) c = replacement;
    if (c == 0x2026) {  // ellipsis -> "..."
      flush();
      for (int k = 0; k < 3; ++k) {
        out.text.push_back('.');
        out.to_original.push_back(static_cast<uint32_t>(start));
      }
      continue;
    }
    // ASCII goes straight through unless a combining mark may follow it.
    if (c < 0x80 && (i >= length || data[i] < 0x80)) {
      flush();
      out.text.push_back(static_cast<char>(c));
      out.to_original.push_back(static_cast<uint32_t>(start));
      continue;
    }
    if (nfc && nfc->hasBoundaryBefore(c)) flush();
    if (segment.isEmpty()) segment_start = static_cast<std::size_t>(start);
    segment.append(c);
  }
  flush();
  out.to_original.push_back(static_cast<uint32_t>(original.size()));
  return out;
}

namespace {

// fold_key by ICU: NFD, non-spacing marks dropped, typographic marks mapped, case folded.
std::string fold_key_by_icu(std::string_view word) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  if (nfd) u = nfd->normalize(u, status);
  icu::UnicodeString stripped;
  for (int32_t k = 0; k < u.length();) {
    UChar32 c = u.char32At(k);
    k += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    int32_t t = typographic(c);
    if (t > 0) c = t;
    stripped.append(u_foldCase(c, U_FOLD_CASE_DEFAULT));
  }
  std::string out;
  stripped.toUTF8String(out);
  return out;
}

// Code points below this have their fold in a table: Latin-1 Supplement and Latin Extended-A
// and -B, the accented letters of most names in the gazetteer. None of them is a combining mark,
// so folding a word character by character gives what ICU gives for the whole word.
constexpr UChar32 kTableFoldsBelow = 0x250;

// The fold of each two-byte code point below kTableFoldsBelow, made once by ICU.
const std::vector<std::string>& latin_folds() {
  static const std::vector<std::string> folds = [] {
    std::vector<std::string> t(kTableFoldsBelow);
    for (UChar32 c = 0x80; c < kTableFoldsBelow; ++c) {
      std::string utf8;
      icu::UnicodeString(c).toUTF8String(utf8);
      t[static_cast<std::size_t>(c)] = fold_key_by_icu(utf8);
    }
    return t;
  }();
  return folds;
}

}  // namespace

std::string fold_key(std::string_view word) {
  std::string out;
  append_fold_key(word, out);
  return out;
}

void append_fold_key(std::string_view word, std::string& out) {
  const std::size_t start = out.size();
  // Nearly every word of English text is ASCII: copied and lower-cased in one pass, with no
  // table; the first non-ASCII byte sends the word to the general case.
  out.append(word);
  char* folded = out.data() + start;
  std::size_t k = 0;
  for (; k < word.size(); ++k) {
    const auto b = static_cast<unsigned char>(folded[k]);
    if (b >= 0x80) break;
    if (b >= 'A' && b <= 'Z') folded[k] = static_cast<char>(b + ('a' - 'A'));
  }
  if (k == word.size()) return;
  out.resize(start);
  const std::vector<std::string>& folds = latin_folds();
  out.reserve(start + word.size());
  for (std::size_t i = 0; i < word.size(); ++i) {
    const auto b = static_cast<unsigned char>(word[i]);
    if (b < 0x80) {
      out += (b >= 'A' && b <= 'Z') ? static_cast<char>(b - 'A' + 'a') : static_cast<char>(b);
      continue;
    }
    // A two-byte sequence of a code point in the table, not followed by a combining mark (which
    // starts with CC or CD): its fold from the table.
    const bool two_bytes = (b & 0xE0) == 0xC0 && i + 1 < word.size() &&
                           (static_cast<unsigned char>(word[i + 1]) & 0xC0) == 0x80;
    const bool next_is_mark =
        i + 2 < word.size() && (static_cast<unsigned char>(word[i + 2]) & 0xFE) == 0xCC;
    const auto cp = two_bytes
                        ? static_cast<UChar32>(((b & 0x1Fu) << 6) |
                                               (static_cast<unsigned char>(word[i + 1]) & 0x3Fu))
                        : 0;
    if (!two_bytes || next_is_mark || cp < 0x80 || cp >= kTableFoldsBelow) {
      out.resize(start);
      out += fold_key_by_icu(word);
      return;
    }
    out += folds[static_cast<std::size_t>(cp)];
    ++i;
  }
}

namespace {

std::uint64_t load_bytes(const char* p, std::size_t n) {
  std::uint64_t v = 0;
  std::memcpy(&v, p, n);
  return v;
}

}  // namespace

std::uint64_t hash_key(std::string_view key) {
  // Whole words read at once (the last ones overlapping), then murmur3's finaliser: keys are
  // short, every token is hashed once, and the low bits index PhraseIndex's tables.
  const char* p = key.data();
  const std::size_t n = key.size();
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xFF51AFD7ED558CCDull);
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8) {
      h = (h ^ load_bytes(p + i, 8)) * 0xC4CEB9FE1A85EC53ull;
      h ^= h >> 29;
    }
    h ^= load_bytes(p + n - 8, 8);
  } else if (n >= 4) {
    h ^= load_bytes(p, 4) | (load_bytes(p + n - 4, 4) << 32);
  } else if (n > 0) {
    const auto byte = [p](std::size_t i) {
      return std::uint64_t{static_cast<unsigned char>(p[i])};
    };
    h ^= byte(0) | (byte(n / 2) << 8) | (byte(n - 1) << 16);
  }
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 33;
  return h != 0 ? h : 1;
}

std::vector<Token> tokenize(std::string_view text,
                            const std::unordered_set<std::string>& abbreviations) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5);
  std::size_t i = 0;
  std::uint8_t pending = 0;
  bool in_quote = false;
  int newlines = 0;
  while (i < text.size()) {
    const char ch = text[i];
    if (ch == ' ' || ch == '\n' || ch == '\f' || ch == '\v') {
      if (ch == '\n') {
        pending |= kAfterNewline;
        ++newlines;
      }
      ++i;
      continue;
    }
    // A quotation does not run on past a blank line unless reopened there.
    if (newlines >= 2) in_quote = false;
    newlines = 0;
    Token& tok = tokens.emplace_back();
    tok.begin = static_cast<uint32_t>(i);
    UChar32 c = peek(text, i);
    if (is_digit(c)) {
      tok.kind = TokenKind::Number;
      std::size_t j = next_index(text, i);
      while (j < text.size()) {
        j = skip_ascii_alnum(text, j);  // digits and letters: "1990s", "65-year-old"
        if (j >= text.size()) break;
        UChar32 d = peek(text, j);
        if (is_digit(d)) {
          j = next_index(text, j);
        } else if ((d == ',' || d == '.') && is_digit(peek(text, j + 1))) {
          j += 1;
        } else if (d == '-' && is_word_char(peek(text, j + 1))) {
          j += 1;
        } else if (is_alpha(d)) {  // "1990s", "65-year-old", "2,600-km"
          j = next_index(text, j);
        } else {
          break;
        }
      }
      i = j;
    } else if (is_word_char(c)) {
      std::size_t j = next_index(text, i);
      while (j < text.size()) {
        j = skip_ascii_alnum(text, j);
        if (j >= text.size()) break;
        UChar32 d = peek(text, j);
        if (is_word_char(d)) {
          j = next_index(text, j);
        } else if ((d == '-' || d == '\'') && j + 1 < text.size() &&
                   is_word_char(peek(text, j + 1))) {
          // "'s" at the end of a word is the possessive, a token of its own.
          if (d == '\'' && (text[j + 1] == 's' || text[j + 1] == 'S') &&
              (j + 2 >= text.size() || !is_word_char(peek(text, j + 2)))) {
            break;
          }
          j += 1;
        } else if (d == '.' && j + 1 < text.size() && is_alpha(peek(text, j + 1)) &&
                   j + 2 < text.size() && text[j + 2] == '.') {
          j += 1;  // initials: U.N., U.S.
        } else if (d == '.') {
          // Initials end with a period; listed abbreviations keep theirs.
          const bool initials = (j - i) >= 2 && text[j - 2] == '.';
          // A lone capital with a period is a person's initial: "J. Doe", "Jane R. Doe".
          const bool initial = (j - i) == 1 && is_upper_ascii(peek(text, i));
          // (Folded only when needed: nearly every sentence's last word asks.)
          if (initials || initial || abbreviations.count(fold_key(text.substr(i, j + 1 - i)))) {
            j += 1;
            if (j < text.size() && text[j] == '-' && j + 1 < text.size() &&
                is_word_char(peek(text, j + 1))) {
              continue;  // "U.S.-led"
            }
          }
          break;
        } else {
          break;
        }
      }
      i = j;
    } else {
      tok.kind = TokenKind::Punct;
      if (ch == '\'' && i + 1 < text.size() && (text[i + 1] == 's' || text[i + 1] == 'S') &&
          (i + 2 >= text.size() || !is_word_char(peek(text, i + 2)))) {
        i += 2;  // possessive
      } else if (text.substr(i, 3) == "...") {
        i += 3;
      } else {
        i = next_index(text, i);
      }
    }
    tok.end = static_cast<uint32_t>(i);
    std::string_view surface = text.substr(tok.begin, tok.end - tok.begin);
    int letters = 0;  // of an ASCII token (counted below otherwise)
    bool lower = false;
    const bool ascii = fold_ascii_word(text, tok.begin, tok.end, tok.key, letters, lower);
    if (!ascii) append_fold_key(surface, tok.key);
    tok.key_hash = hash_key(tok.key);
    tok.flags = pending;
    pending = 0;
    if (tok.kind == TokenKind::Word) {
      UChar32 first = peek(surface, 0);
      if (is_upper_or_title(first)) tok.flags |= kCapitalized;
      if (!ascii) count_letters(surface, letters, lower);
      if (letters >= 2 && !lower) tok.flags |= kAllCaps;
    } else if (tok.kind == TokenKind::Number) {
      // "3R", "5R": a code of digits and capitals names a body ("the Return, Reclamation and
      // Rehabilitation (3R) group"): a word in capitals, not a figure.
      if (!ascii) count_letters(surface, letters, lower);
      if (letters > 0 && !lower) {
        tok.kind = TokenKind::Word;
        tok.flags |= kAllCaps;
      }
    }
    if (tok.kind == TokenKind::Punct && surface == "\"") {
      // Direction from the context: a quote mark before a word (or at a line start) opens.
      const bool space_before = tok.begin == 0 || text[tok.begin - 1] == ' ' ||
                                text[tok.begin - 1] == '\n' || text[tok.begin - 1] == '(';
      const bool opens = space_before &&
                         !(tok.end >= text.size() || text[tok.end] == ' ' || text[tok.end] == '\n');
      if (opens) {
        tok.flags |= kQuoteOpen | kInQuote;
        in_quote = true;
      } else {
        tok.flags |= kInQuote;
        in_quote = false;
      }
    } else if (in_quote) {
      tok.flags |= kInQuote;
    }
  }
  return tokens;
}

Dateline find_dateline(const std::vector<Token>& tokens) {
  std::uint32_t start = 0;
  // Skip a headline: a first line without a sentence-final mark.
  for (std::uint32_t k = 1; k < tokens.size() && k < 40; ++k) {
    if (!tokens[k].is(kAfterNewline)) continue;
    const std::string& last = tokens[k - 1].key;
    if (!tokens[0].is(kAllCaps) && last != "." && last != "!" && last != "?") start = k;
    break;
  }
  const auto n = static_cast<std::uint32_t>(tokens.size());
  if (start >= n || tokens[start].kind != TokenKind::Word ||
      !(tokens[start].is(kCapitalized) || tokens[start].is(kAllCaps))) {
    return {};
  }
  if (tokens[start].is(kAllCaps)) {
    for (std::uint32_t k = start + 1; k < n && k < start + 12; ++k) {
      if (tokens[k].is(kAfterNewline)) break;
      if (tokens[k].key == "-" || tokens[k].key == "--") return {start, k};
    }
  }
  // Without a dash, an agency's credit ends the dateline: "Jammu/Srinagar, Sep 14 (PTI) Two
  // soldiers ...", "MOSCOW, March 4. /TASS/. Units ...". Before the credit only capitalised
  // words, numbers, ",", "/" and "." (a place, a date), with a comma among them (so that "The
  // Syrian Democratic Forces (SDF) said" is no dateline); the credit is one capitalised word in
  // brackets or between slashes.
  bool comma = false;
  for (std::uint32_t k = start + 1; k + 2 < n && k < start + 12; ++k) {
    const Token& t = tokens[k];
    if (t.is(kAfterNewline)) break;
    const bool open = t.key == "(" || t.key == "/";
    if (open && comma && tokens[k + 1].kind == TokenKind::Word && tokens[k + 1].is(kCapitalized) &&
        !tokens[k + 1].is(kAfterNewline) && tokens[k + 2].key == (t.key == "(" ? ")" : "/")) {
      return {start, k};
    }
    if (t.key == ",") {
      comma = true;
      continue;
    }
    const bool ok = (t.kind == TokenKind::Word && t.is(kCapitalized)) ||
                    t.kind == TokenKind::Number || t.key == "/" || t.key == ".";
    if (!ok) break;
  }
  return {};
}

namespace {

// ICU's sentence iterator, made once per thread: making one costs as much as the breaks of a
// short article.
icu::BreakIterator* sentence_iterator() {
  thread_local const std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
    return U_SUCCESS(status) ? std::move(it) : nullptr;
  }();
  return iterator.get();
}

// A stretch of the text on which ICU's sentence rules decide every break.
struct BreakWindow {
  std::uint32_t text_begin = 0;
  std::uint32_t text_end = 0;
  std::uint32_t buffer_begin = 0;  // where the stretch starts in the buffer given to ICU
};

// What the window scan below sees in a byte: a sentence terminator (. ! ?), an ASCII letter,
// other printable ASCII, or anything else (controls, tabs and non-ASCII, whose line it leaves
// to ICU whole).
enum class WindowByte : std::uint8_t { Plain, Letter, Terminator, Other };

constexpr std::array<WindowByte, 256> kWindowBytes = [] {
  std::array<WindowByte, 256> t{};
  for (std::size_t c = 0; c < t.size(); ++c) {
    if (c < 0x20 || c >= 0x7F) {
      t[c] = WindowByte::Other;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      t[c] = WindowByte::Letter;
    } else if (c == '.' || c == '!' || c == '?') {
      t[c] = WindowByte::Terminator;
    }
  }
  return t;
}();

WindowByte window_byte(char c) { return kWindowBytes[static_cast<unsigned char>(c)]; }

// The windows of one line, text[begin, end), in order. split_sentences asks only whether ICU
// breaks between two tokens of one line, and by the sentence rules of UAX #29 (which ICU's
// implement) a break inside a line follows a terminator (. ! ?), its closing marks and spaces;
// whether it is a break depends on the characters back to the start of the terminator's word
// (after a space) and on those up to the first letter after it. So in a line of printable ASCII
// the windows are those stretches, merged where they overlap (where one terminator's stretch
// reaches into the next one's word), and ICU need not read the words between them. Any other
// line is one window.
void add_line_windows(std::string_view text, std::size_t begin, std::size_t end,
                      std::vector<BreakWindow>& windows) {
  const std::size_t first_window = windows.size();
  const auto add = [&](std::size_t from, std::size_t to) {
    windows.push_back({static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(to), 0});
  };
  const auto whole_line = [&] {
    windows.resize(first_window);
    add(begin, end);
  };
  for (std::size_t i = begin; i < end; ++i) {
    const WindowByte b = window_byte(text[i]);
    if (b == WindowByte::Plain || b == WindowByte::Letter) continue;
    if (b == WindowByte::Other) return whole_line();
    std::size_t from = i;
    while (from > begin && text[from - 1] != ' ') --from;
    std::size_t to = i + 1;
    for (; to < end && window_byte(text[to]) != WindowByte::Letter; ++to) {
      if (window_byte(text[to]) == WindowByte::Other) return whole_line();
    }
    if (to < end) ++to;  // the first letter after it, whose case decides
    if (windows.size() > first_window && from < windows.back().text_end) {
      windows.back().text_end = static_cast<std::uint32_t>(to);
    } else {
      add(from, to);
    }
    i = to - 1;
  }
}

}  // namespace

// Each window is given to ICU after the context it has in the text: a line break (before a
// window at a line start), or a line break, a letter and a space (before a window after a space).
std::vector<std::uint32_t> sentence_breaks(std::string_view text) {
  std::vector<BreakWindow> windows;
  for (std::size_t line = 0; line < text.size();) {
    std::size_t line_end = text.find('\n', line);
    if (line_end == std::string_view::npos) line_end = text.size();
    add_line_windows(text, line, line_end, windows);
    line = line_end + 1;
  }
  std::string buffer;
  for (BreakWindow& w : windows) {
    if (w.text_begin > 0) buffer += text[w.text_begin - 1] == '\n' ? "\n" : "\nx ";
    w.buffer_begin = static_cast<std::uint32_t>(buffer.size());
    buffer.append(text.substr(w.text_begin, w.text_end - w.text_begin));
  }
  std::vector<std::uint32_t> breaks;
  icu::BreakIterator* iterator = sentence_iterator();
  if (iterator == nullptr || windows.empty()) return breaks;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, buffer.data(), static_cast<int64_t>(buffer.size()), &status);
  iterator->setText(ut, status);
  if (U_SUCCESS(status)) {
    std::size_t w = 0;
    for (int32_t b = iterator->next(); b != icu::BreakIterator::DONE; b = iterator->next()) {
      const auto at = static_cast<std::uint32_t>(b);
      while (w < windows.size() &&
             at >= windows[w].buffer_begin + (windows[w].text_end - windows[w].text_begin)) {
        ++w;
      }
      if (w == windows.size()) break;
      if (at < windows[w].buffer_begin) continue;  // in the context before a window
      breaks.push_back(windows[w].text_begin + (at - windows[w].buffer_begin));
    }
  }
  // The iterator keeps (a shallow copy of) the UText: point it at static text before the buffer
  // goes.
  static const char kNoText[] = "";
  UErrorCode detach_status = U_ZERO_ERROR;
  ut = utext_openUTF8(ut, kNoText, 0, &detach_status);
  iterator->setText(ut, detach_status);
  utext_close(ut);
  return breaks;
}

std::vector<Sentence> split_sentences(std::string_view text, const std::vector<Token>& tokens,
                                      const std::unordered_set<std::string>& abbreviations) {
  std::vector<std::uint32_t> breaks = sentence_breaks(text);
  if (breaks.empty() || breaks.back() != text.size()) {
    breaks.push_back(static_cast<uint32_t>(text.size()));
  }
  std::vector<Sentence> out;
  std::size_t t = 0;
  std::size_t b = 0;
  while (t < tokens.size()) {
    Sentence s;
    s.first_token = static_cast<uint32_t>(t);
    s.begin = tokens[t].begin;
    std::size_t u = t;
    std::size_t clause_end = t;  // just after the last ';', ':' or ',' seen
    while (u < tokens.size()) {
      const Token& tok = tokens[u];
      if (u > t && tok.is(kAfterNewline)) break;
      // A run-on "sentence" (a list, a table, text without punctuation) is cut at the last
      // clause mark of its second half, else hard: the extractor compares the mentions and
      // triggers of a sentence pairwise, which must not grow without bound.
      if (u - t == kMaxSentenceTokens) {
        if (clause_end > t + kMaxSentenceTokens / 2) u = clause_end;
        // Back to the first ICU break after the sentence's last token, as if scanned to there.
        b = static_cast<std::size_t>(
            std::lower_bound(breaks.begin(), breaks.end(), tokens[u - 1].end) - breaks.begin());
        break;
      }
      if (tok.kind == TokenKind::Punct && (tok.key == ";" || tok.key == ":" || tok.key == ",")) {
        clause_end = u + 1;
      }
      // Advance to the first ICU break at or after this token's end.
      while (b < breaks.size() && breaks[b] < tok.end) ++b;
      ++u;
      if (u >= tokens.size()) break;
      const Token& next = tokens[u];
      if (next.is(kAfterNewline)) break;
      if (b < breaks.size() && breaks[b] <= next.begin) {
        // ICU breaks here: keep it unless an abbreviation or a lower-case word says otherwise.
        const bool abbreviation =
            abbreviations.count(tok.key) > 0 ||
            (tok.key.size() == 2 && tok.key[1] == '.' && tok.is(kCapitalized));
        const bool lower_next =
            next.kind == TokenKind::Word && !next.is(kCapitalized) && !next.is(kAllCaps);
        if (abbreviation || lower_next) continue;
        // A closing quote after the terminal punctuation belongs to this sentence.
        if (next.kind == TokenKind::Punct && text.substr(next.begin, 1) == "\"" &&
            !next.is(kQuoteOpen)) {
          continue;
        }
        break;
      }
    }
    s.last_token = static_cast<uint32_t>(u);
    s.end = tokens[u - 1].end;
    for (std::size_t k = t; k < u; ++k) {
      if (tokens[k].is(kInQuote)) {
        s.in_quote = true;
        break;
      }
    }
    out.push_back(s);
    t = u;
  }
  return out;
}

std::size_t code_point_count(std::string_view text, std::size_t byte_offset) {
  std::size_t n = 0;
  for (std::size_t k = 0; k < byte_offset && k < text.size(); ++k) {
    if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::optional<std::string> count_digits(std::string_view key) {
  std::string digits;
  for (char c : key) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c != ',') {
      return std::nullopt;
    }
  }
  return digits;
}

}  // namespace ng::extract
