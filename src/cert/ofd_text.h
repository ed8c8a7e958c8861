#pragma once
// Small text helpers shared by the OFD writer, verifier and renderer: XML escaping, millimetre
// numbers, UTF-8 code points and the DeltaX advances of GB fonts (spec/OFD.md §2).
//
// Thread safety: pure functions.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rc::cert {

// Escapes & < > " ' for element text and attribute values alike.
void append_xml_escaped(std::string& out, std::string_view text);

// A millimetre value with at most 4 decimals and no trailing zeros: 4.2333, 12, 0.5.
std::string mm(double v);

// The code points of a UTF-8 string, or nullopt when it is not valid UTF-8.
std::optional<std::vector<char32_t>> utf8_code_points(std::string_view text);

// `text` with every byte that is not part of a valid UTF-8 sequence replaced by U+FFFD, so that
// names and values from outside input can go into JSON (nlohmann's dump() throws on bad UTF-8).
std::string to_valid_utf8(std::string_view text);

// The advance of one glyph in units of the font size: 0.5 for ASCII (the GB fonts' half-width
// Latin), 1 for everything else (full-width CJK and punctuation).
double glyph_advance(char32_t c);

// Expands an OFD DeltaX/DeltaY list ("g 3 4.2 1.5" -> 4.2 4.2 4.2 1.5), or nullopt when malformed.
std::optional<std::vector<double>> expand_delta(std::string_view list);

}  // namespace rc::cert
