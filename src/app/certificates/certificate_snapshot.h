#pragma once
// What a certificate prints, gathered once at issuance: the content handed to the OFD writer
// (cert::CertificateContent) and its frozen copy stored as certificates.snapshot_json. The ID
// number is personal data: the snapshot keeps it only encrypted (the platform's ID-number key,
// as candidates.id_number_cipher) beside its masked form, never in clear (DOMAIN.md §4.3).
// Also the masking shown on public pages (张*明). Pure functions.

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "app/document_type_label.h"
#include "cert/certificate_content.h"
#include "identity/personal_data_cipher.h"
#include "store/records.h"

namespace rc::app {

struct ContentSource {
  const store::Candidate& candidate;
  std::string_view id_number;  // decrypted, for the holder's own certificate
  const store::Station& station;
  int level = 5;
  std::optional<std::int32_t> theory_score_milli;
  std::optional<std::int32_t> practical_score_milli;
  std::string photo_png;  // empty: placeholder
};

// Everything but the number, scheme, dates and verification URL (set when numbered).
cert::CertificateContent certificate_content(const ContentSource& source);

// The stored snapshot: the content without the photo, the ID number encrypted and masked.
std::string snapshot_json(const cert::CertificateContent& content, const identity::PersonalDataCipher& cipher,
                          std::string_view id_number_masked);

// 张三明 -> 张*明, 张三 -> 张*, 欧阳小明 -> 欧**明 (UTF-8 aware; one character is kept as is).
std::string mask_name(std::string_view name);
// "五级/初级工"
std::string level_label(int level);
// thousandths of a point -> "85.0" (R7: one decimal, rounded half up for display only)
std::string score_text(std::int32_t milli);

}  // namespace rc::app
