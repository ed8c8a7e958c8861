// libFuzzer target for identity numbers (RULES.md D16): parse_id_number() under every declared
// type and none, and the `rescuecert id check` document, must never crash, throw or emit JSON
// that fails to serialise, on any bytes. Seeds: fuzz/corpus/id_number/.
//   cmake --preset fuzz && cmake --build build/fuzz --target id_number_fuzz
//   build/fuzz/fuzz/id_number_fuzz fuzz/corpus/id_number -max_total_time=60

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "app/id_check.h"
#include "domain/identity/id_number.h"

namespace {

using rc::identity::DocumentType;

const rc::CivilDate kToday = *rc::CivilDate::parse("2025-09-01");

void check_parse(std::string_view text, std::optional<DocumentType> declared) {
  auto info = rc::identity::parse_id_number(text, kToday, declared);
  if (!info) {
    if (info.error().field != "id_number" || info.error().message.empty()) std::abort();
    return;
  }
  // A valid number is normalized: re-parsing it gives the same number, and masking keeps its length.
  auto again = rc::identity::parse_id_number(info->normalized, kToday, info->type);
  if (!again || again->normalized != info->normalized) std::abort();
  if (info->warnings.size() != info->warning_codes.size()) std::abort();
  if (rc::identity::mask_id_number(info->normalized).size() != info->normalized.size()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check_parse(text, std::nullopt);
  for (int t = 0; t <= static_cast<int>(DocumentType::kPassport); ++t) check_parse(text, static_cast<DocumentType>(t));
  (void)rc::identity::upgrade_legacy_15(text);
  (void)rc::identity::mask_id_number(text);
  (void)rc::app::id_check_json(text, kToday).dump();  // dump() throws on invalid UTF-8
  return 0;
}
