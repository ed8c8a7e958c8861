#include "app/applicant_columns.h"

#include <algorithm>

#include "app/applicant_fields.h"
#include "sheet/table.h"

namespace rc::app {
namespace {

using C = ApplicantColumn;

constexpr std::array<ApplicantColumnInfo, kApplicantColumnCount> kColumns{{
    {C::kSerial, "序号", false, 6, false, "选填，任意编号"},
    {C::kName, "姓名", true, 12, false, "必填，2–30 个字，可含汉字、英文字母、空格和间隔号“·”"},
    {C::kDocumentType, "证件类型", false, 22, false,
     "选填：居民身份证、港澳台居民居住证、外国人永久居留身份证、港澳居民来往内地通行证、台湾居民来往大陆通行证、护照；"
     "留空则按号码自动识别（身份证、居住证、永居证）"},
    {C::kIdNumber, "证件号码", true, 22, true, "必填，18 位身份证号码（末位 X 大小写均可）；本列为文本格式，请勿改为数字"},
    {C::kSex, "性别", true, 6, false, "必填：男 或 女，须与身份证号码一致"},
    {C::kBirthDate, "出生日期", false, 12, true,
     "选填，格式 1990-03-07；填写时须与证件号码一致；护照、通行证等号码中不含出生日期的证件必须填写"},
    {C::kMobile, "手机号码", true, 14, true, "必填，11 位手机号码，用于登录和接收短信验证码"},
    {C::kLevel, "申报等级", false, 12, false, "选填，须与本批次申报等级一致（如 五级/初级工）；留空即为本批次等级"},
    {C::kHealth, "健康声明", true, 10, false, "必填：是（本人身体健康，符合报考条件）；填“否”不能报名"},
    {C::kEmployer, "工作单位", false, 24, false, "选填，最多 100 个字"},
    {C::kAddress, "通讯地址", false, 30, false, "选填，最多 200 个字"},
    {C::kRemarks, "备注", false, 20, false, "选填，最多 200 个字"},
}};

struct Alias {
  std::string_view text;
  ApplicantColumn column;
};

// Normalised header texts (see normalize_header) and the column each names.
constexpr Alias kAliases[] = {
    {"序号", C::kSerial},           {"编号", C::kSerial},           {"no", C::kSerial},
    {"no.", C::kSerial},            {"姓名", C::kName},             {"名字", C::kName},
    {"证件类型", C::kDocumentType}, {"证件种类", C::kDocumentType}, {"证件号码", C::kIdNumber},
    {"证件号", C::kIdNumber},       {"身份证号码", C::kIdNumber},   {"身份证号", C::kIdNumber},
    {"公民身份号码", C::kIdNumber}, {"性别", C::kSex},              {"出生日期", C::kBirthDate},
    {"出生年月日", C::kBirthDate},  {"手机号码", C::kMobile},       {"手机号", C::kMobile},
    {"手机", C::kMobile},           {"联系电话", C::kMobile},       {"移动电话", C::kMobile},
    {"申报等级", C::kLevel},        {"申报级别", C::kLevel},        {"报考等级", C::kLevel},
    {"鉴定等级", C::kLevel},        {"等级", C::kLevel},            {"健康声明", C::kHealth},
    {"身体健康声明", C::kHealth},   {"健康状况", C::kHealth},       {"工作单位", C::kEmployer},
    {"单位", C::kEmployer},         {"单位名称", C::kEmployer},     {"通讯地址", C::kAddress},
    {"联系地址", C::kAddress},      {"地址", C::kAddress},          {"备注", C::kRemarks},
};

// Appends the code point at s[i] (UTF-8) folded: full-width ASCII to ASCII, U+3000 and U+00A0
// to a space. Advances i.
void fold_one(std::string_view s, std::size_t& i, std::string& out) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  if (b(0) == 0xEF && i + 2 < s.size() && ((b(1) == 0xBC && b(2) >= 0x81) || (b(1) == 0xBD && b(2) <= 0x9E))) {
    const unsigned cp = 0xFF00u + ((b(1) & 0x3Fu) << 6) + (b(2) & 0x3Fu);
    out += static_cast<char>(cp - 0xFF00u + 0x20u);
    i += 3;
  } else if (b(0) == 0xE3 && i + 2 < s.size() && b(1) == 0x80 && b(2) == 0x80) {
    out += ' ';
    i += 3;
  } else if (b(0) == 0xC2 && i + 1 < s.size() && b(1) == 0xA0) {
    out += ' ';
    i += 2;
  } else {
    out += s[i++];
  }
}

void drop_suffix(std::string& s, std::string_view suffix) {
  if (s.size() > suffix.size() && s.ends_with(suffix)) s.resize(s.size() - suffix.size());
}

}  // namespace

std::span<const ApplicantColumnInfo> applicant_columns() { return kColumns; }
const ApplicantColumnInfo& column_info(ApplicantColumn column) { return kColumns[static_cast<std::size_t>(column)]; }

std::string normalize_header(std::string_view text) {
  std::string folded;
  for (std::size_t i = 0; i < text.size();) fold_one(text, i, folded);
  std::string out;
  for (const char c : folded) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '*') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  for (std::string_view s : {"(必填)", "(选填)", "(可选)"}) drop_suffix(out, s);
  return out;
}

HeaderMap map_header(const std::vector<std::string>& header, int header_row) {
  HeaderMap map;
  map.index.fill(-1);
  for (std::size_t i = 0; i < header.size(); ++i) {
    const int col = static_cast<int>(i);
    const std::string key = normalize_header(header[i]);
    if (key.empty()) continue;
    const auto* alias = std::find_if(std::begin(kAliases), std::end(kAliases), [&](const Alias& a) { return a.text == key; });
    if (alias == std::end(kAliases)) {
      map.errors.push_back(make_import_error(header_row, "", col, ErrorCode::kSheetUnknownColumn,
                                             "无法识别的列「" + excerpt(header[i], 20) + "」，请使用模板中的列名或删除该列"));
      continue;
    }
    int& slot = map.index[static_cast<std::size_t>(alias->column)];
    const std::string_view title = column_info(alias->column).title;
    if (slot >= 0) {
      map.errors.push_back(make_import_error(header_row, title, col, ErrorCode::kSheetUnknownColumn,
                                             "列「" + std::string(title) + "」重复出现（另见 " +
                                                 sheet::column_letters(slot) + " 列），请只保留一列"));
      continue;
    }
    slot = col;
  }
  for (const ApplicantColumnInfo& info : kColumns)
    if (info.required && map.at(info.column) < 0)
      map.errors.push_back(make_import_error(header_row, info.title, -1, ErrorCode::kSheetMissingColumn,
                                             "缺少必填列「" + std::string(info.title) + "」，请使用下载的模板"));
  return map;
}

}  // namespace rc::app
