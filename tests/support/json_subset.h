#pragma once
// Subset matching of JSON documents, as shared/scenarios/README.md defines it: every key given in
// `expected` must be present in `actual` with that value; nested objects are matched the same
// way; keys not given are free. Returns the path of the first mismatch, or "" when it matches.

#include <string>

#include <nlohmann/json.hpp>

namespace rc::testing {

inline std::string json_subset_mismatch(const nlohmann::json& expected, const nlohmann::json& actual,
                                        const std::string& path = "") {
  if (expected.is_object()) {
    if (!actual.is_object()) return path + " (expected an object, got " + actual.dump() + ")";
    for (auto& [k, v] : expected.items()) {
      const std::string sub = path.empty() ? k : path + "." + k;
      if (!actual.contains(k)) return sub + " (missing)";
      if (auto m = json_subset_mismatch(v, actual.at(k), sub); !m.empty()) return m;
    }
    return "";
  }
  if (expected != actual) return path + " (expected " + expected.dump() + ", got " + actual.dump() + ")";
  return "";
}

}  // namespace rc::testing
