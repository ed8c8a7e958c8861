#pragma once
// Shared by the practical module's tests: the shipped national scheme, its JSON document for
// mutation tests, and score sheets for a draw.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "practical/scheme_catalog.h"
#include "practical/score_sheet.h"

namespace rc::practical::testing {

inline const AssessmentScheme& national() {
  static const SchemeCatalog catalog = SchemeCatalog::embedded().value();
  return *catalog.for_exam("practical-r7-2019", "511300").value();
}

// The shipped file as JSON (tests change one field and expect the parser to name it).
inline nlohmann::json national_json() {
  std::ifstream in(std::string(RC_SOURCE_ROOT) + "/src/practical/data/practical-000000-2019.1.json");
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str());
}

// Every line at `percent` of its points (tenths, rounded down).
inline ScoreSheet sheet_at(const AssessmentScheme& s, const Draw& d, int percent) {
  ScoreSheet sheet;
  for (const AssessedItem* it : assessed_items(s, d))
    for (const auto& l : it->lines) sheet.line_tenths[it->id + "." + l.id] = l.points * 10 * percent / 100;
  return sheet;
}

}  // namespace rc::practical::testing
