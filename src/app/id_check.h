#pragma once
// Use case "check an identity number" (RULES.md D16): the document printed by
// `rescuecert id check NUMBER`, also usable by the HTTP API. Pure: today's date is passed in.
//
// Valid number:
//   {"valid": true, "type": "resident_id", "type_zh": "居民身份证", "normalized": "...",
//    "birth_date": "1990-03-07", "sex": "male", "region": {"code", "province", "city", "county"},
//    "warnings": [{"code": "id.unknown_county", "message": "..."}], "manual_review": false}
//   (birth_date, sex and region are null when the document does not carry them.)
// Invalid number:
//   {"valid": false, "error": {"code", "message", "field", "rule"}}
//   plus "suggested": "<18-digit number>" for a 15-digit legacy number.
// Never throws; the output is always valid UTF-8 (the input is never echoed back when invalid).

#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/common/civil_date.h"

namespace rc::app {

nlohmann::json id_check_json(std::string_view number, CivilDate today);

}  // namespace rc::app
