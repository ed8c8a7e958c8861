#pragma once
// The Chinese name of a stored document type, as pages, exports and certificates print it.

#include <string_view>

#include "store/records.h"

namespace rc::app {

// 居民身份证, 港澳台居民居住证, 外国人永久居留身份证, 港澳居民来往内地通行证, 台湾居民来往大陆通行证, 护照
std::string_view document_type_label(store::DocumentType type);

}  // namespace rc::app
