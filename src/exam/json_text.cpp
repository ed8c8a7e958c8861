#include "exam/json_text.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/policy/strict_json.h"

namespace rc::exam {
namespace {

using nlohmann::json;

// Follows the parser's events to know the path of the value being read, so that a repeated key
// or excessive nesting is reported where it is.
class DuplicateKeyWatch {
 public:
  bool operator()(int depth, json::parse_event_t event, json& parsed) {
    if (depth > kMaxJsonDepth && !problem_)
      problem_ = make_error(ErrorCode::kTooLarge, where(), "JSON 嵌套层数过深：最多 " + std::to_string(kMaxJsonDepth) + " 层");
    switch (event) {
      case json::parse_event_t::object_start: open(false); break;
      case json::parse_event_t::array_start: open(true); break;
      case json::parse_event_t::key: key(parsed); break;
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        if (!levels_.empty()) levels_.pop_back();
        value_done();
        break;
      case json::parse_event_t::value: value_done(); break;
    }
    return depth <= kMaxJsonDepth;  // what is too deep is not built at all
  }
  const std::optional<Error>& problem() const { return problem_; }

 private:
  struct Level {
    bool array = false;
    std::size_t index = 0;  // arrays: elements completed so far
    std::string key;        // objects: the key being read
    std::set<std::string, std::less<>> keys;
  };
  void open(bool array) { levels_.push_back(Level{array, 0, {}, {}}); }
  void key(const json& parsed) {
    if (levels_.empty() || !parsed.is_string()) return;
    Level& l = levels_.back();
    l.key = parsed.get<std::string>();
    if (!l.keys.insert(l.key).second && !problem_)
      problem_ = make_error(ErrorCode::kInvalidValue, where(), "字段 " + quote_for_message(l.key) + " 重复出现");
  }
  void value_done() {
    if (!levels_.empty() && levels_.back().array) ++levels_.back().index;
  }
  std::string where() const {
    std::string p;
    for (const Level& l : levels_) p = l.array ? json_path(p, l.index) : json_path(p, l.key);
    return p.empty() ? "$" : p;
  }
  std::vector<Level> levels_;
  std::optional<Error> problem_;
};

}  // namespace

Result<json> parse_json_text(std::string_view text, std::size_t max_bytes) {
  if (text.size() > max_bytes)
    return fail(ErrorCode::kTooLarge, "$", "输入内容过大：最多 " + std::to_string(max_bytes) + " 字节");
  DuplicateKeyWatch watch;
  json doc;
  try {
    doc = json::parse(text.begin(), text.end(), std::ref(watch), /*allow_exceptions=*/true);
  } catch (const json::parse_error& e) {
    return fail(ErrorCode::kMalformedJson, "$", "JSON 格式错误（第 " + std::to_string(e.byte) + " 字节附近），无法解析");
  } catch (const json::exception&) {
    return fail(ErrorCode::kMalformedJson, "$", "JSON 格式错误，无法解析");
  }
  if (watch.problem()) return fail(*watch.problem());
  return doc;
}

}  // namespace rc::exam
