#pragma once
// The worked examples of shared/scenarios (RC_SCENARIOS_DIR, defined for every test target): the
// names of their files, sorted, and one of them parsed.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace rc::testing {

inline std::vector<std::string> scenario_files() {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(RC_SCENARIOS_DIR))
    if (e.path().extension() == ".json") names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// Throws (nlohmann::json::parse_error) when the file is missing or not JSON.
inline nlohmann::json read_scenario(const std::string& name) {
  std::ifstream in(std::filesystem::path(RC_SCENARIOS_DIR) / name, std::ios::binary);
  return nlohmann::json::parse(in);
}

}  // namespace rc::testing
