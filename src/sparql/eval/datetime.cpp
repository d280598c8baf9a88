#include "sparql/eval/datetime.hpp"

#include <chrono>
#include <cstdio>

namespace ng::sparql {
namespace {

bool digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return false;
  for (size_t k = pos; k < pos + n; ++k) {
    if (s[k] < '0' || s[k] > '9') return false;
  }
  return true;
}

int num(std::string_view s, size_t pos, size_t n) {
  int v = 0;
  for (size_t k = pos; k < pos + n; ++k) v = v * 10 + (s[k] - '0');
  return v;
}

// Days from 0000-03-01 style civil calendar (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int days_in_month(std::int64_t y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m - 1];
}

// Parses "-?YYYY-MM-DD" at the start; returns the position after it.
std::optional<size_t> parse_ymd(std::string_view s, DateTime& dt) {
  size_t pos = 0;
  bool neg = false;
  if (pos < s.size() && s[pos] == '-') neg = true, ++pos;
  size_t start = pos;
  while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
  // Years beyond 9 digits are not supported (keeps the seconds arithmetic in 64 bits).
  if (pos - start < 4 || pos - start > 9 || (pos - start > 4 && s[start] == '0')) {
    return std::nullopt;
  }
  std::int64_t y = 0;
  for (size_t k = start; k < pos; ++k) y = y * 10 + (s[k] - '0');
  dt.year = neg ? -y : y;
  if (pos >= s.size() || s[pos] != '-' || !digits(s, pos + 1, 2)) return std::nullopt;
  dt.month = num(s, pos + 1, 2);
  pos += 3;
  if (pos >= s.size() || s[pos] != '-' || !digits(s, pos + 1, 2)) return std::nullopt;
  dt.day = num(s, pos + 1, 2);
  pos += 3;
  if (dt.month < 1 || dt.month > 12 || dt.day < 1 || dt.day > days_in_month(dt.year, dt.month)) {
    return std::nullopt;
  }
  return pos;
}

bool parse_tz(std::string_view s, size_t pos, DateTime& dt) {
  if (pos == s.size()) return true;
  if (s.substr(pos) == "Z") {
    dt.tz_minutes = 0;
    return true;
  }
  if (s.size() - pos != 6 || (s[pos] != '+' && s[pos] != '-') || !digits(s, pos + 1, 2) ||
      s[pos + 3] != ':' || !digits(s, pos + 4, 2)) {
    return false;
  }
  int h = num(s, pos + 1, 2), m = num(s, pos + 4, 2);
  if (h > 14 || m > 59 || (h == 14 && m != 0)) return false;
  dt.tz_minutes = (s[pos] == '-' ? -1 : 1) * (h * 60 + m);
  return true;
}

}  // namespace

std::int64_t DateTime::epoch_seconds() const {
  std::int64_t days = days_from_civil(year, month, day);
  std::int64_t secs = days * 86400 + hour * 3600 + minute * 60 + second;
  if (tz_minutes) secs -= *tz_minutes * 60;
  return secs;
}

std::optional<DateTime> parse_datetime(std::string_view s) {
  DateTime dt;
  auto p = parse_ymd(s, dt);
  if (!p) return std::nullopt;
  size_t pos = *p;
  if (pos >= s.size() || s[pos] != 'T') return std::nullopt;
  ++pos;
  if (!digits(s, pos, 2) || s.size() < pos + 8 || s[pos + 2] != ':' || !digits(s, pos + 3, 2) ||
      s[pos + 5] != ':' || !digits(s, pos + 6, 2)) {
    return std::nullopt;
  }
  dt.hour = num(s, pos, 2);
  dt.minute = num(s, pos + 3, 2);
  dt.second = num(s, pos + 6, 2);
  pos += 8;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    size_t start = pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    if (pos == start) return std::nullopt;
    dt.fraction = std::string(s.substr(start, pos - start));
    std::int64_t nanos = 0;
    for (size_t k = 0; k < 9; ++k) {
      nanos = nanos * 10 + (k < dt.fraction.size() ? dt.fraction[k] - '0' : 0);
    }
    dt.nanos = nanos;
  }
  if (dt.minute > 59 || dt.second > 59) return std::nullopt;
  if (dt.hour == 24) {
    if (dt.minute != 0 || dt.second != 0 || dt.nanos != 0) return std::nullopt;
  } else if (dt.hour > 23) {
    return std::nullopt;
  }
  if (!parse_tz(s, pos, dt)) return std::nullopt;
  return dt;
}

std::optional<DateTime> parse_date(std::string_view s) {
  DateTime dt;
  dt.date_only = true;
  auto p = parse_ymd(s, dt);
  if (!p || !parse_tz(s, *p, dt)) return std::nullopt;
  return dt;
}

std::optional<int> compare(const DateTime& a, const DateTime& b) {
  auto cmp = [](std::int64_t x, std::int64_t xn, std::int64_t y, std::int64_t yn) {
    if (x != y) return x < y ? -1 : 1;
    if (xn != yn) return xn < yn ? -1 : 1;
    return 0;
  };
  std::int64_t x = a.epoch_seconds(), y = b.epoch_seconds();
  if (a.tz_minutes.has_value() == b.tz_minutes.has_value()) return cmp(x, a.nanos, y, b.nanos);
  // One side has no timezone: it lies somewhere in [t - 14h, t + 14h].
  const std::int64_t w = 14 * 3600;
  if (!a.tz_minutes) {
    if (cmp(x + w, a.nanos, y, b.nanos) < 0) return -1;
    if (cmp(x - w, a.nanos, y, b.nanos) > 0) return 1;
  } else {
    if (cmp(x, a.nanos, y - w, b.nanos) < 0) return -1;
    if (cmp(x, a.nanos, y + w, b.nanos) > 0) return 1;
  }
  return std::nullopt;
}

std::string timezone_duration(int tz_minutes) {
  if (tz_minutes == 0) return "PT0S";
  std::string out = tz_minutes < 0 ? "-PT" : "PT";
  int m = tz_minutes < 0 ? -tz_minutes : tz_minutes;
  if (m / 60) out += std::to_string(m / 60) + "H";
  if (m % 60) out += std::to_string(m % 60) + "M";
  return out;
}

std::string tz_string(const DateTime& dt) {
  if (!dt.tz_minutes) return "";
  if (*dt.tz_minutes == 0) return "Z";
  int m = *dt.tz_minutes < 0 ? -*dt.tz_minutes : *dt.tz_minutes;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", *dt.tz_minutes < 0 ? '-' : '+', m / 60, m % 60);
  return buf;
}

std::string now_lexical() {
  using namespace std::chrono;
  auto now = system_clock::now();
  auto secs = time_point_cast<seconds>(now);
  auto ms = duration_cast<milliseconds>(now - secs).count();
  std::time_t t = system_clock::to_time_t(secs);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

}  // namespace ng::sparql
