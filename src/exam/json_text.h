#pragma once
// Reading a JSON document handed in as text (a bank export, an item, a blueprint file) before
// any field is looked at: size and nesting are bounded, malformed text is kMalformedJson naming
// the byte, and a key repeated in one object is refused with its path (nlohmann would silently
// keep the last one, so an import could lose half an item without anyone noticing).
// Pure; thread-safe.

#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/common/result.h"

namespace rc::exam {

inline constexpr int kMaxJsonDepth = 16;

// kTooLarge when text exceeds max_bytes or nests deeper than kMaxJsonDepth; kMalformedJson;
// kInvalidValue for a duplicate key. Field paths like "items[3].options".
[[nodiscard]] Result<nlohmann::json> parse_json_text(std::string_view text, std::size_t max_bytes);

}  // namespace rc::exam
