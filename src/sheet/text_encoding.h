#pragma once
// Text encodings met in uploaded spreadsheets: UTF-8 (with or without BOM), GB18030/GBK (what
// Excel writes for "CSV" on a Chinese Windows) and UTF-16LE ("Unicode text"). Conversion uses
// glibc iconv; everything else here is plain byte work. Pure functions; safe from any thread.

#include <optional>
#include <string>
#include <string_view>

namespace rc::sheet {

// Well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view bytes);
// The first C0 control character other than TAB, LF and CR, or DEL; npos if none.
std::size_t find_control_character(std::string_view text);
// Number of code points of valid UTF-8 text.
std::size_t utf8_length(std::string_view text);

// GB18030 (a superset of GBK and GB2312) to UTF-8; nullopt when the bytes are not GB18030.
std::optional<std::string> gb18030_to_utf8(std::string_view bytes);
// UTF-16LE (without its BOM) to UTF-8; nullopt on unpaired surrogates or an odd length.
std::optional<std::string> utf16le_to_utf8(std::string_view bytes);

}  // namespace rc::sheet
