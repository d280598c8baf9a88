#include "link/normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace ng::link {

// Generic orthographic rules: spellings that romanisation systems (and English vs French or German
// conventions) disagree on. Read left to right over a name_key(), the first rule that matches at a
// position is applied; then doubled letters are collapsed, an "h" between two vowels is dropped
// ("Zabihullah"/"Zabiullah") and spaces removed.
const VariantRule kVariantRules[] = {
    {"sch", "sh", "German sch = English sh"},
    {"kh", "k", "x (Cyrillic/Persian) as kh or k"},
    {"gh", "g", "ghain as gh or g"},
    {"dh", "d", "dhal as dh or d"},
    {"th", "t", "theta/tha as th or t"},
    {"ph", "f", "ph = f"},
    {"dj", "j", "French dj = English j"},
    {"ck", "k", "ck = k"},
    {"q", "k", "qaf as q or k"},
    {"ca", "ka", "hard c = k"},
    {"co", "ko", "hard c = k"},
    {"cu", "ku", "hard c = k"},
    {"ou", "u", "French ou = English u"},
    {"oo", "u", "English oo = u"},
    {"ee", "i", "English ee = i"},
    {"y", "i", "y and i as vowels or glides"},
};
const std::size_t kVariantRuleCount = sizeof(kVariantRules) / sizeof(kVariantRules[0]);

namespace {

bool is_ascii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Apostrophe-like characters are deleted rather than turned into a space: "N'Djamena" is one word.
bool is_apostrophe(UChar32 c) {
  return c == 0x2018 || c == 0x2019 || c == 0x02BB || c == 0x02BC || c == 0x02BD || c == 0x02BE ||
         c == 0x02BF || c == 0x00B4 || c == 0x2032;
}

// The punctuation pass over folded text: letters and digits kept, ' . ` deleted, everything else
// a word break; single spaces, no leading "the".
std::string finish(std::string_view folded) {
  std::string out;
  out.reserve(folded.size());
  bool pending_space = false;
  for (char ch : folded) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\'' || c == '.' || c == '`') continue;
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
    if (!word) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += ch;
  }
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  return out;
}

}  // namespace

struct NameNormalizer::Impl {
  const icu::Normalizer2* nfd = nullptr;
  std::unique_ptr<icu::Transliterator> to_ascii;  // created on first need
  bool to_ascii_failed = false;

  icu::Transliterator* transliterator() {
    if (!to_ascii && !to_ascii_failed) {
      UErrorCode status = U_ZERO_ERROR;
      to_ascii.reset(
          icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
      if (U_FAILURE(status)) {
        to_ascii.reset();
        to_ascii_failed = true;
      }
    }
    return to_ascii.get();
  }
};

NameNormalizer::NameNormalizer() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) impl_->nfd = nullptr;
}

NameNormalizer::~NameNormalizer() = default;

std::string NameNormalizer::name_key(std::string_view name) {
  if (is_ascii(name)) {
    std::string lower(name);
    for (char& ch : lower) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    }
    return finish(lower);
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  if (impl_->nfd) {
    icu::UnicodeString decomposed = impl_->nfd->normalize(u, status);
    if (U_SUCCESS(status)) u = decomposed;
  }
  // As the extractor's fold_key: marks removed, case folded.
  icu::UnicodeString folded;
  bool ascii = true;
  for (int32_t k = 0; k < u.length();) {
    UChar32 c = u.char32At(k);
    k += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK || is_apostrophe(c)) continue;
    c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
    if (c >= 0x80) ascii = false;
    folded.append(c);
  }
  // What is left (ø, ł, ß, æ, ı, other scripts) goes through ICU's transliterators.
  if (!ascii) {
    if (icu::Transliterator* t = impl_->transliterator()) {
      t->transliterate(folded);
      folded.foldCase();
    }
  }
  std::string utf8;
  folded.toUTF8String(utf8);
  return finish(utf8);
}

std::string NameNormalizer::loose_key(std::string_view name) {
  return loose_from_key(name_key(name));
}

std::string NameNormalizer::loose_from_key(std::string_view key) {
  // One pass: at each position the first rule that matches is applied; then doubled letters
  // are collapsed, an "h" between vowels dropped and spaces removed.
  std::string s;
  s.reserve(key.size());
  for (std::size_t i = 0; i < key.size();) {
    bool applied = false;
    for (std::size_t r = 0; r < kVariantRuleCount; ++r) {
      const VariantRule& rule = kVariantRules[r];
      if (key[i] == rule.from[0] && key.substr(i, rule.from.size()) == rule.from) {
        s += rule.to;
        i += rule.from.size();
        applied = true;
        break;
      }
    }
    if (!applied) s += key[i++];
  }
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ') continue;
    if (!out.empty() && out.back() == c && c >= 'a' && c <= 'z') continue;  // doubled letter
    if (c == 'h' && !out.empty() && is_vowel(out.back()) && i + 1 < s.size() &&
        is_vowel(s[i + 1])) {
      continue;  // h between vowels
    }
    out += c;
  }
  return out;
}

}  // namespace ng::link
