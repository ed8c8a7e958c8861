#include "sheet/csv_reader.h"

#include <string>
#include <utility>

#include "sheet/table_builder.h"
#include "sheet/text_encoding.h"

namespace rc::sheet {
namespace {

Error binary_content() {
  return make_error(ErrorCode::kSheetUnreadable, "file",
                    "文件含有二进制内容（空字符），不是文本表格。请在 Excel 或 WPS 中另存为 CSV 或 .xlsx 后上传");
}

Result<std::string> decode(std::string_view bytes) {
  if (bytes.starts_with("PK\x03\x04"))
    return fail(ErrorCode::kSheetUnreadable, "file", "这是 .xlsx 文件而不是 .csv 文件，请以 .xlsx 格式上传");
  if (bytes.starts_with("\xFF\xFE")) {
    auto text = utf16le_to_utf8(bytes.substr(2));
    if (!text) return fail(ErrorCode::kSheetBadEncoding, "file", "文件编码（UTF-16）有误，请另存为“CSV UTF-8”后再上传");
    if (text->find('\0') != std::string::npos) return fail(binary_content());
    return std::move(*text);
  }
  const bool bom = bytes.starts_with("\xEF\xBB\xBF");
  if (bom) bytes.remove_prefix(3);
  if (bytes.find('\0') != std::string_view::npos) return fail(binary_content());
  if (is_valid_utf8(bytes)) return std::string(bytes);
  if (!bom)
    if (auto text = gb18030_to_utf8(bytes)) return std::move(*text);
  return fail(ErrorCode::kSheetBadEncoding, "file",
              "文件编码无法识别：既不是 UTF-8 也不是 GBK/GB18030。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再上传");
}

// Tab when the first line has more tabs than commas (Excel's "Unicode text"), else comma.
char detect_delimiter(std::string_view text) {
  const std::string_view first = text.substr(0, text.find('\n'));
  std::size_t commas = 0, tabs = 0;
  for (const char c : first) commas += c == ',', tabs += c == '\t';
  return tabs > commas ? '\t' : ',';
}

class RecordParser {
 public:
  RecordParser(std::string_view text, char delim, const ReadLimits& limits)
      : text_(text), delim_(delim), out_(limits) {}

  Result<Table> run() {
    out_.begin_row(record_);
    std::size_t i = 0;
    while (i < text_.size()) {
      auto r = in_quotes_ ? quoted(i) : plain(i);
      if (!r) return fail(r.error());
    }
    if (in_quotes_)
      return fail(ErrorCode::kSheetUnreadable, "file",
                  "无法读取 .csv 文件：第 " + std::to_string(quote_row_) + " 行的引号没有闭合");
    if (column_ > 0 || !field_.empty() || was_quoted_) {
      if (auto r = end_record(); !r) return fail(r.error());
    }
    return out_.finish();
  }

 private:
  Result<void> quoted(std::size_t& i) {
    const char c = text_[i];
    if (c == '"') {
      if (i + 1 < text_.size() && text_[i + 1] == '"') {
        field_ += '"';
        i += 2;
        return ok();
      }
      in_quotes_ = false;
    } else if (c == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n') {
      ++i;  // CRLF inside a field becomes LF, as in .xlsx
      field_ += '\n';
    } else {
      field_ += c;
    }
    ++i;
    return ok();
  }

  Result<void> plain(std::size_t& i) {
    const char c = text_[i++];
    if (c == '"' && field_.empty() && !was_quoted_) {
      in_quotes_ = was_quoted_ = true;
      quote_row_ = record_;
      return ok();
    }
    if (c == delim_) return end_field();
    if (c == '\n' || c == '\r') {
      if (c == '\r' && i < text_.size() && text_[i] == '\n') ++i;
      return end_record();
    }
    field_ += c;
    return ok();
  }

  Result<void> end_field() {
    auto r = out_.add_cell(column_, std::move(field_));
    field_.clear();
    was_quoted_ = false;
    if (column_ < (1 << 24)) ++column_;
    return r;
  }

  Result<void> end_record() {
    if (auto r = end_field(); !r) return r;
    if (auto r = out_.end_row(); !r) return r;
    column_ = 0;
    out_.begin_row(++record_);
    return ok();
  }

  std::string_view text_;
  char delim_;
  TableBuilder out_;
  std::string field_;
  int record_ = 1;
  int column_ = 0;
  bool in_quotes_ = false;
  bool was_quoted_ = false;
  int quote_row_ = 0;
};

}  // namespace

Result<Table> read_csv(std::string_view bytes, const ReadLimits& limits) {
  if (bytes.size() > limits.max_compressed_bytes)
    return fail(ErrorCode::kSheetTooLarge, "file",
                "文件超过 " + std::to_string(limits.max_compressed_bytes >> 20) + " MB 的上限");
  auto text = decode(bytes);
  if (!text) return fail(text.error());
  return RecordParser(*text, detect_delimiter(*text), limits).run();
}

}  // namespace rc::sheet
