#include "app/policy_loading.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace rc::app {

Result<PolicyCatalog> load_policy_catalog(const Config& config) {
  if (config.policies_dir.empty()) return PolicyCatalog::embedded();
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(config.policies_dir, ec))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  if (ec) return fail(make_error(ErrorCode::kBadConfig, "policies_dir", "无法读取政策目录 " + config.policies_dir));
  std::sort(files.begin(), files.end());
  std::vector<std::pair<std::string, std::string>> texts;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    if (!in) return fail(make_error(ErrorCode::kBadConfig, f.string(), "无法读取政策文件 " + f.string()));
    texts.emplace_back(f.filename().string(), s.str());
  }
  std::vector<std::pair<std::string_view, std::string_view>> views(texts.begin(), texts.end());
  return PolicyCatalog::from_documents(views);
}

}  // namespace rc::app
