#include "app/id_check.h"

#include "app/error_json.h"
#include "domain/identity/id_number.h"

namespace rc::app {
namespace {

using identity::IdInfo;

nlohmann::json valid_json(const IdInfo& info) {
  nlohmann::json out{
      {"valid", true},
      {"type", identity::document_type_name(info.type)},
      {"type_zh", identity::document_type_name_zh(info.type)},
      {"normalized", info.normalized},
      {"birth_date", nullptr},
      {"sex", nullptr},
      {"region", nullptr},
      {"warnings", nlohmann::json::array()},
      {"manual_review", info.manual_review},
  };
  if (info.birth_date) out["birth_date"] = info.birth_date->to_string();
  if (info.sex) out["sex"] = *info.sex == identity::Sex::kMale ? "male" : "female";
  if (info.region) {
    out["region"] = {{"code", info.region->code},
                     {"province", info.region->province},
                     {"city", info.region->city},
                     {"county", info.region->county}};
  }
  for (std::size_t i = 0; i < info.warnings.size() && i < info.warning_codes.size(); ++i) {
    out["warnings"].push_back({{"code", info.warning_codes[i]}, {"message", info.warnings[i]}});
  }
  return out;
}

}  // namespace

nlohmann::json id_check_json(std::string_view number, CivilDate today) {
  auto info = identity::parse_id_number(number, today);
  if (info) return valid_json(*info);
  nlohmann::json out{{"valid", false}, {"error", error_json(info.error())["error"]}};
  if (info.error().code == ErrorCode::kIdLegacy15) {
    auto normalized = identity::normalize_id_text(number);
    if (normalized) {
      if (auto upgraded = identity::upgrade_legacy_15(*normalized)) out["suggested"] = *upgraded;
    }
  }
  return out;
}

}  // namespace rc::app
