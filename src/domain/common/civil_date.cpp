#include "domain/common/civil_date.h"

#include <cstdio>

namespace rc {

namespace chr = std::chrono;

std::optional<CivilDate> CivilDate::from_ymd(int y, unsigned m, unsigned d) {
  chr::year_month_day ymd{chr::year{y}, chr::month{m}, chr::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return CivilDate(ymd);
}

std::optional<CivilDate> CivilDate::parse(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  const int start[3] = {0, 5, 8}, len[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    for (int i = 0; i < len[k]; ++i) {
      char c = t[static_cast<std::size_t>(start[k] + i)];
      if (c < '0' || c > '9') return std::nullopt;
      v[k] = v[k] * 10 + (c - '0');
    }
  }
  if (v[0] < 1000) return std::nullopt;
  return from_ymd(v[0], static_cast<unsigned>(v[1]), static_cast<unsigned>(v[2]));
}

CivilDate CivilDate::from_days(long n) { return CivilDate(chr::year_month_day{chr::sys_days{chr::days{n}}}); }

long CivilDate::days() const { return chr::sys_days(ymd_).time_since_epoch().count(); }

std::string CivilDate::to_string() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year(), month(), day());
  return buf;
}

CivilDate CivilDate::anniversary(int years) const {
  chr::year_month_day a{ymd_.year() + chr::years{years}, ymd_.month(), ymd_.day()};
  if (!a.ok()) a = chr::year_month_day{a.year(), chr::month{3}, chr::day{1}};  // 02-29 in a non-leap year
  return CivilDate(a);
}

int CivilDate::age_on(CivilDate on) const {
  int age = on.year() - year();
  if (age > 0 && on < anniversary(age)) --age;
  return age;
}

}  // namespace rc
