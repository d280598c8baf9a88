// xsd:dateTime (and xsd:date) values: parsing, comparison and the SPARQL accessors (§17.4.5).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ng::sparql {

struct DateTime {
  std::int64_t year = 0;
  int month = 1, day = 1, hour = 0, minute = 0;
  int second = 0;
  std::int64_t nanos = 0;         // fraction of the second
  std::string fraction;           // the fraction digits as written (for SECONDS)
  std::optional<int> tz_minutes;  // offset from UTC; nullopt = no timezone
  bool date_only = false;

  // Seconds since 0000-01-01T00:00 in UTC (local time if no timezone), and nanoseconds.
  std::int64_t epoch_seconds() const;
};

// Parses an xsd:dateTime lexical form ("2011-01-10T14:45:13.815-05:00"); nullopt if invalid.
std::optional<DateTime> parse_datetime(std::string_view text);
// Parses an xsd:date lexical form ("2011-01-10", optional timezone).
std::optional<DateTime> parse_date(std::string_view text);
// Comparison per XPath op:dateTime-less-than: a value without timezone is compared as if it had
// every timezone from -14:00 to +14:00; nullopt when that makes the order indeterminate.
std::optional<int> compare(const DateTime& a, const DateTime& b);
// "-PT5H", "PT0S", "PT5H30M" (xsd:dayTimeDuration of the timezone); the timezone must be set.
std::string timezone_duration(int tz_minutes);
// "Z", "-05:00", "" without timezone.
std::string tz_string(const DateTime& dt);
// The current time as a canonical xsd:dateTime with "Z".
std::string now_lexical();

}  // namespace ng::sparql
