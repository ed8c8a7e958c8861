#pragma once
// The columns of the 鉴定申请报名信息表 (F2) and how a sheet's header row is matched to them:
// order-free, tolerant of surrounding and inner spaces, full-width letters and brackets, a "*"
// marker, "（必填）"/"（选填）" suffixes and common synonyms ("身份证号码" for 证件号码). Unknown,
// duplicated and missing required columns are reported. Pure; safe from any thread.

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/applicant_record.h"

namespace rc::app {

enum class ApplicantColumn {
  kSerial,        // 序号        optional
  kName,          // 姓名        required
  kDocumentType,  // 证件类型    optional column; empty = detected from the number
  kIdNumber,      // 证件号码    required
  kSex,           // 性别        required (男/女)
  kBirthDate,     // 出生日期    optional; required for documents that do not carry it
  kMobile,        // 手机号码    required
  kLevel,         // 申报等级    optional column; empty = the batch's level
  kHealth,        // 健康声明    required (是/否)
  kEmployer,      // 工作单位    optional
  kAddress,       // 通讯地址    optional
  kRemarks,       // 备注        optional
};
inline constexpr std::size_t kApplicantColumnCount = 12;

struct ApplicantColumnInfo {
  ApplicantColumn column;
  std::string_view title;  // as written in the template
  bool required;           // the column must be present
  double width;            // in the template, Excel character units
  bool text;               // formatted as text ('@') in the template
  std::string_view hint;   // for the template's instructions sheet
};

// All columns, in template order.
std::span<const ApplicantColumnInfo> applicant_columns();
const ApplicantColumnInfo& column_info(ApplicantColumn column);

// Header text folded for matching: full-width ASCII to ASCII, every kind of space removed, "*"
// and a trailing "(必填)"/"(选填)"/"(可选)" dropped.
std::string normalize_header(std::string_view text);

struct HeaderMap {
  std::array<int, kApplicantColumnCount> index;  // sheet column (0-based) per ApplicantColumn; -1 absent
  std::vector<ImportError> errors;               // unknown, duplicated, missing required columns
  int at(ApplicantColumn c) const { return index[static_cast<std::size_t>(c)]; }
};
HeaderMap map_header(const std::vector<std::string>& header, int header_row);

}  // namespace rc::app
