#include "app/certificates/certificate_snapshot.h"

#include <fmt/format.h>

#include <vector>

#include "domain/occupation/occupation.h"

namespace rc::app {
namespace {

std::string hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

std::vector<std::string> characters(std::string_view s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    out.emplace_back(s.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace

std::string mask_name(std::string_view name) {
  const auto chars = characters(name);
  if (chars.size() <= 1) return std::string(name);
  std::string out = chars.front();
  if (chars.size() == 2) return out + "*";
  for (std::size_t i = 1; i + 1 < chars.size(); ++i) out += "*";
  return out + chars.back();
}


std::string level_label(int level) {
  auto l = level_by_code(level);
  return l ? l->display_name() : std::to_string(level) + " 级";
}

std::string score_text(std::int32_t milli) {
  const std::int32_t tenths = (milli + 50) / 100;
  return fmt::format("{}.{}", tenths / 10, tenths % 10);
}

cert::CertificateContent certificate_content(const ContentSource& s) {
  cert::CertificateContent c;
  c.holder_name = s.candidate.name;
  c.sex = s.candidate.sex == store::Sex::kMale ? "男" : "女";
  c.document_type = std::string(document_type_label(s.candidate.document_type));
  c.document_number = std::string(s.id_number);
  c.level_text = level_label(s.level);
  if (s.theory_score_milli) c.theory_score = score_text(*s.theory_score_milli);
  if (s.practical_score_milli) c.practical_score = score_text(*s.practical_score_milli);
  c.issuing_body = s.station.name;
  c.photo_png = s.photo_png;
  return c;
}

std::string snapshot_json(const cert::CertificateContent& c, const identity::PersonalDataCipher& cipher,
                          std::string_view id_number_masked) {
  nlohmann::json j{{"title", c.title},
                   {"number", c.number},
                   {"scheme", c.scheme},
                   {"holder_name", c.holder_name},
                   {"sex", c.sex},
                   {"document_type", c.document_type},
                   {"document_number_cipher", hex(cipher.encrypt_id_number(c.document_number))},
                   {"document_number_masked", std::string(id_number_masked)},
                   {"occupation_name", c.occupation_name},
                   {"occupation_code", c.occupation_code},
                   {"occupation_direction", c.occupation_direction},
                   {"level_text", c.level_text},
                   {"theory_score", c.theory_score.value_or("")},
                   {"practical_score", c.practical_score.value_or("")},
                   {"issued_on", c.issued_on.to_string()},
                   {"valid_until", c.valid_until ? c.valid_until->to_string() : ""},
                   {"issuing_body", c.issuing_body},
                   {"verification_url", c.verification_url},
                   {"photo", !c.photo_png.empty()}};
  return j.dump();
}

}  // namespace rc::app
