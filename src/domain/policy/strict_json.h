#pragma once
// StrictObject: reads one JSON object of a document handed in as text (a policy file, a rules
// request) so that every mistake becomes an Error naming the field path and the reason in Chinese:
// a missing key, a wrong type, a value out of range, a bad date, and — when finish() is called —
// any key nobody asked for. Paths look like "registrations[0].sittings[2].kind".
//
// `uniform_code`: policy files report every problem as kBadPolicy; request documents leave it
// empty and get the specific input codes (kMissingField, kWrongType, kInvalidValue, kInvalidDate).
// Not thread-safe per instance (it records which keys were read); instances are cheap and local.

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/common/civil_date.h"
#include "domain/common/result.h"

namespace rc {

// "a.b" / "a[3]" path building; an empty parent gives the bare key.
std::string json_path(std::string_view parent, std::string_view key);
std::string json_path(std::string_view parent, std::size_t index);

// A short, UTF-8-safe quotation of a value for an error message (cut at a character boundary).
std::string quote_for_message(std::string_view text, std::size_t max_bytes = 40);

class StrictObject {
 public:
  [[nodiscard]] static Result<StrictObject> open(const nlohmann::json& value, std::string path,
                                                 std::optional<ErrorCode> uniform_code);

  const std::string& path() const { return path_; }
  std::string field(std::string_view key) const { return json_path(path_, key); }
  bool has(std::string_view key) const;  // present and not null

  // Present (null counts as present only for the *_or_null readers).
  [[nodiscard]] Result<const nlohmann::json*> required(std::string_view key);
  [[nodiscard]] Result<std::string> string(std::string_view key, std::size_t max_bytes = 200);
  [[nodiscard]] Result<std::optional<std::string>> optional_string(std::string_view key, std::size_t max_bytes = 2000);
  [[nodiscard]] Result<std::int64_t> integer(std::string_view key, std::int64_t min, std::int64_t max);
  [[nodiscard]] Result<std::optional<std::int64_t>> integer_or_null(std::string_view key, std::int64_t min, std::int64_t max);
  [[nodiscard]] Result<bool> boolean(std::string_view key);
  [[nodiscard]] Result<std::optional<bool>> optional_boolean(std::string_view key);
  [[nodiscard]] Result<CivilDate> date(std::string_view key);
  [[nodiscard]] Result<std::optional<CivilDate>> date_or_null(std::string_view key);
  [[nodiscard]] Result<StrictObject> object(std::string_view key);
  // The array at key, with at most max_items elements (more: kTooLarge, or the uniform code).
  [[nodiscard]] Result<const nlohmann::json*> array(std::string_view key, std::size_t max_items);

  // Unknown keys are refused: the first key (in key order) not read is named.
  [[nodiscard]] Result<void> finish() const;

  // An error of this reader's flavour (the uniform code when set).
  Error error(ErrorCode specific, std::string field, std::string message) const;

 private:
  StrictObject(const nlohmann::json* object, std::string path, std::optional<ErrorCode> uniform)
      : object_(object), path_(std::move(path)), uniform_(uniform) {}
  const nlohmann::json* find(std::string_view key);

  const nlohmann::json* object_;
  std::string path_;
  std::optional<ErrorCode> uniform_;
  std::set<std::string, std::less<>> read_;
};

// A JSON value's type in Chinese, for messages ("字符串", "数字"...).
std::string_view json_type_name(const nlohmann::json& value);

}  // namespace rc
