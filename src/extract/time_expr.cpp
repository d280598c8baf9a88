#include "extract/time_expr.hpp"

#include <cstdio>
#include <string>

namespace ng::extract {
namespace {

// Days since 1970-01-01 (H. Hinnant's civil-date algorithm).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = yoe + era * 400;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long d = doy - (153 * mp + 2) / 5 + 1;
  const long m = mp + (mp < 10 ? 3 : -9);
  return CivilDate{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

// Appends `value` (0 <= value < 10^width) in `width` digits, zero-padded.
void append_digits(std::string& out, int value, int width) {
  char digits[4];
  for (int k = width - 1; k >= 0; --k) {
    digits[k] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(digits, static_cast<std::size_t>(width));
}

// "%04d-%02d[-%02d]" by hand for the dates of news (a snprintf per date cost more than finding
// it); other values go through snprintf, which pads them as before.
bool plain_date(int year, int month, int day) {
  return year >= 0 && year <= 9999 && month >= 0 && month <= 99 && day >= 0 && day <= 99;
}

std::string format_month(int year, int month) {
  if (plain_date(year, month, 0)) {
    std::string out;
    out.reserve(7);
    append_digits(out, year, 4);
    out += '-';
    append_digits(out, month, 2);
    return out;
  }
  char buf[48];  // room for any int values: silences -Wformat-truncation
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
    if (v > 100000) return -1;
  }
  return s.empty() ? -1 : v;
}

// A day of the month, or the first day of a range of days ("5-6", "8-12", as in "May 5-6").
int day_of_month(std::string_view s) {
  const std::size_t dash = s.find('-');
  if (dash != std::string_view::npos) {
    const int second = to_int(s.substr(dash + 1));
    const int first = to_int(s.substr(0, dash));
    return first >= 1 && second > first && second <= 31 ? first : -1;
  }
  return to_int(s);
}

// The year offset of a relative value "year0", "year-1", "year+1"; kNoYearOffset otherwise.
constexpr int kNoYearOffset = 1000;
int year_offset(std::string_view value) {
  if (value.rfind("year", 0) != 0) return kNoYearOffset;
  const std::string_view rest = value.substr(4);
  if (rest == "0") return 0;
  if (rest.size() < 2 || (rest[0] != '-' && rest[0] != '+')) return kNoYearOffset;
  const int n = to_int(rest.substr(1));
  if (n < 0) return kNoYearOffset;
  return rest[0] == '-' ? -n : n;
}

// Can an expression open at a token that is no time word? Only a number ("five years ago",
// read by to_int below) or a "mid-" month.
bool may_open_without_word(const std::string& key) {
  return (!key.empty() && key.front() >= '0' && key.front() <= '9') || key.rfind("mid-", 0) == 0;
}

// Views into the time-words lexicon (or literals): looked up at every token, copied never.
struct Word {
  std::string_view kind;  // weekday, month, part, modifier, anchor, unit, number, relative
  std::string_view value;
  std::uint32_t length = 0;
};

}  // namespace

bool parse_iso_date(const std::string& text, CivilDate& out) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  const int y = to_int(text.substr(0, 4));
  const int m = to_int(text.substr(5, 2));
  const int d = to_int(text.substr(8, 2));
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  out = CivilDate{y, m, d};
  return true;
}

CivilDate add_days(const CivilDate& date, int days) {
  return civil_from_days(days_from_civil(date.year, date.month, date.day) + days);
}

int weekday(const CivilDate& date) {
  const long z = days_from_civil(date.year, date.month, date.day);
  // 1970-01-01 was a Thursday (4).
  return static_cast<int>(((z % 7) + 7 + 3) % 7) + 1;
}

std::string format_date(const CivilDate& date) {
  if (plain_date(date.year, date.month, date.day)) {
    std::string out;
    out.reserve(10);
    append_digits(out, date.year, 4);
    out += '-';
    append_digits(out, date.month, 2);
    out += '-';
    append_digits(out, date.day, 2);
    return out;
  }
  char buf[48];  // room for any int values: silences -Wformat-truncation
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buf;
}

std::vector<TimeExpression> find_time_expressions(const std::vector<Token>& tokens,
                                                  std::size_t begin, std::size_t end,
                                                  const Lexicon& words,
                                                  const std::string& article_date, int context_year,
                                                  TimeWordStarts starts) {
  std::vector<TimeExpression> out;
  CivilDate today;
  const bool dated = parse_iso_date(article_date, today);
  // The longest phrase at i (match()'s first answer), asked only where one may start.
  auto word_at = [&](std::size_t i) -> Word {
    if (i >= end || !starts.may_start(i)) return {};
    PhraseIndex::Match longest{0, 0};
    if (!words.index().longest(tokens, i, end, longest)) return {};
    return Word{words.get(longest.value, "kind"), words.get(longest.value, "value"),
                longest.length};
  };
  std::size_t i = begin;
  while (i < end) {
    std::size_t start = i;
    Word w = word_at(i);
    // Most tokens are no time word, no number and no "mid-" word: nothing opens there.
    if (w.kind.empty() && !may_open_without_word(tokens[i].key)) {
      ++i;
      continue;
    }
    // Leading modifiers: on, late, early, last, this, since, in ...
    std::string modifier;
    while (w.kind == "modifier" && i + w.length < end) {
      modifier = tokens[i].key;
      i += w.length;
      w = word_at(i);
    }
    TimeExpression te;
    bool found = false;
    // "mid-October": the month after a "mid-" prefix.
    if (w.kind.empty() && tokens[i].kind == TokenKind::Word &&
        tokens[i].key.rfind("mid-", 0) == 0) {
      const std::string rest = tokens[i].key.substr(4);
      for (std::size_t r = 0; r < words.rows(); ++r) {
        if (words.get(static_cast<std::uint32_t>(r), "kind") != "month") continue;
        for (std::string_view spelling : split(words.phrase(static_cast<std::uint32_t>(r)), '|')) {
          if (spelling == rest) {
            w = Word{"month", words.get(static_cast<std::uint32_t>(r), "value"), 1};
          }
        }
      }
    }
    const bool mid_month = w.kind == "month" && tokens[i].key.rfind("mid-", 0) == 0;
    // Weekday and month names are capitalised ("may" is a verb, "march" a noun).
    if ((w.kind == "weekday" || w.kind == "month") && !tokens[i].is(kCapitalized) && !mid_month) {
      w = Word{};
    }
    if (w.kind == "weekday") {
      found = true;
      const int wd = to_int(w.value);
      i += w.length;
      Word part = word_at(i);
      if (part.kind == "part") i += part.length;
      // Said of what is yet to come ("would not attend the talks on Sunday", "is due to visit
      // on Monday": a word of kind future shortly before it in the clause), the next such day.
      bool future = modifier == "next";
      for (std::size_t k = start; k > begin && k + 8 > start && !future;) {
        --k;
        const std::string& key = tokens[k].key;
        if (key == "," || key == ";" || key == "." || key == "said" || key == "says") break;
        future = word_at(k).kind == "future";
      }
      if (dated && future) {
        int ahead = (wd - weekday(today) + 7) % 7;
        if (modifier == "next" && ahead == 0) ahead = 7;
        te.value = format_date(add_days(today, ahead));
      } else if (dated) {
        int back = (weekday(today) - wd + 7) % 7;
        if (modifier == "last" && back == 0) back = 7;
        te.value = format_date(add_days(today, -back));
      }
    } else if (w.kind == "month") {
      found = true;
      const int month = to_int(w.value);
      i += w.length;
      int day = -1;
      int year = -1;
      // "27 February": a day number right before the month.
      if (start == i - w.length && start > begin && tokens[start - 1].kind == TokenKind::Number) {
        const int n = to_int(tokens[start - 1].key);
        if (n >= 1 && n <= 31) {
          day = n;
          --start;
        }
      }
      if (day < 0 && i < end && tokens[i].kind == TokenKind::Number) {
        const int n = day_of_month(tokens[i].key);
        if (n >= 1 && n <= 31) {
          day = n;
          ++i;
          if (i < end && tokens[i].key == ",") ++i;
        }
      }
      if (i < end && tokens[i].kind == TokenKind::Number) {
        const int n = to_int(tokens[i].key);
        if (n >= 1900 && n <= 2100) {
          year = n;
          ++i;
        }
      }
      // "in January last year": a relative year right after the month sets its year.
      if (year < 0 && dated && i < end) {
        const Word rel = word_at(i);
        const int offset = rel.kind == "relative" ? year_offset(rel.value) : kNoYearOffset;
        if (offset != kNoYearOffset) {
          year = today.year + offset;
          i += rel.length;
        }
      }
      if (year < 0 && context_year > 0) year = context_year;
      if (year < 0 && dated) year = month <= today.month ? today.year : today.year - 1;
      if (year > 0) {
        te.value = day > 0 ? format_date(CivilDate{year, month, day}) : format_month(year, month);
      }
    } else if (w.kind == "relative") {
      // value: day offset "d-1", "month0", "month-1", "year0", "year-1", or "" (unresolved)
      found = true;
      i += w.length;
      Word part = word_at(i);
      if (part.kind == "part") i += part.length;
      if (dated && !w.value.empty()) {
        if (w.value[0] == 'd') {
          te.value = format_date(
              add_days(today, to_int(w.value.substr(2)) * (w.value[1] == '-' ? -1 : 1)));
        } else if (w.value.rfind("month", 0) == 0) {
          const int back = w.value == "month-1" ? 1 : 0;
          const int m0 = today.month - back;
          te.value = m0 >= 1 ? format_month(today.year, m0) : format_month(today.year - 1, 12);
        } else if (w.value.rfind("year", 0) == 0) {
          te.value = std::to_string(today.year - (w.value == "year-1" ? 1 : 0));
        }
      }
    } else if (tokens[i].kind == TokenKind::Number && (modifier == "in" || modifier == "since" ||
                                                       modifier == "by" || modifier == "until")) {
      const int n = to_int(tokens[i].key);
      if (n >= 1900 && n <= 2100) {
        found = true;
        te.value = std::to_string(n);
        ++i;
      }
    } else if (i < end) {
      // "five years ago", "two days ago"
      int n = to_int(tokens[i].key);
      if (w.kind == "number") n = to_int(w.value);
      const std::size_t len = w.kind == "number" ? w.length : 1;
      if (n > 0 && i + len + 1 < end) {
        Word unit = word_at(i + len);
        if (unit.kind == "unit" && tokens[i + len + unit.length].key == "ago") {
          found = true;
          const std::size_t stop = i + len + unit.length + 1;
          if (dated) {
            if (unit.value == "year") te.value = std::to_string(today.year - n);
            if (unit.value == "day") te.value = format_date(add_days(today, -n));
            if (unit.value == "week") te.value = format_date(add_days(today, -7 * n));
          }
          i = stop;
        }
      }
    }
    if (found) {
      te.begin = static_cast<std::uint32_t>(start);
      te.end = static_cast<std::uint32_t>(i);
      out.push_back(std::move(te));
    } else {
      i = start + 1;
    }
  }
  return out;
}

}  // namespace ng::extract
