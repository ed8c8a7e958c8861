#pragma once
// Use case "download the 报名信息表 template" (F2): the header of applicant_columns.h, two example
// rows with obviously fictitious people (ID numbers from DOMAIN.md's test vectors, 示例 in 备注),
// and an instructions sheet. The importer refuses the example rows if they are left in.
// Pure apart from the temp file libxlsxwriter needs; thread-safe.

#include <string>
#include <string_view>

#include "domain/common/result.h"
#include "sheet/table.h"

namespace rc::app {

// Header + the two example rows (row numbers 2 and 3), as the importer would read them.
sheet::Table applicant_template_rows();
// The instructions, one line each.
std::vector<std::string> applicant_template_instructions();
// The .xlsx bytes: sheet "报名信息表" (ID, phone and date columns as text, drop-downs for 证件类型,
// 性别, 申报等级, 健康声明) and sheet "填写说明".
[[nodiscard]] Result<std::string> applicant_template_xlsx();

// True for a row that is one of the template's examples (same name and number).
bool is_template_example(std::string_view name, std::string_view normalized_id);

}  // namespace rc::app
