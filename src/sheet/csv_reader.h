#pragma once
// Reads a .csv file held in memory into a Table: RFC 4180 (quoted fields, doubled quotes,
// CRLF or LF line ends, line breaks inside quoted fields), comma- or tab-separated (the first
// line decides). Encodings: UTF-8 with or without BOM; GB18030/GBK (Excel's "CSV" on a Chinese
// Windows), detected when the bytes are not valid UTF-8, and UTF-16LE with BOM, both converted
// with iconv. Row numbers are record numbers, which is what Excel shows for the same file.
//
// Hostile input: the limits of ReadLimits (file size = max_compressed_bytes, rows, columns, cell
// size), NUL bytes (a binary file renamed .csv), an .xlsx sent as .csv, undecodable bytes, an
// unterminated quote. Never throws; refusals carry a stable code (sheet.*) and a Chinese message.
//
// Pure function of its input; safe to call from several threads at once.

#include <string_view>

#include "domain/common/result.h"
#include "sheet/table.h"

namespace rc::sheet {

[[nodiscard]] Result<Table> read_csv(std::string_view bytes, const ReadLimits& limits = {});

}  // namespace rc::sheet
