#include "app/applicant_template.h"

#include "app/applicant_columns.h"
#include "domain/occupation/occupation.h"
#include "sheet/xlsx_writer.h"

namespace rc::app {
namespace {

struct Example {
  std::string_view name;
  std::string_view id;
  std::vector<std::string> row;
};

const std::vector<Example>& examples() {
  static const std::vector<Example> kExamples{
      {"示例张三", "511302199003071236",
       {"1", "示例张三", "居民身份证", "511302199003071236", "男", "1990-03-07", "13800138000", "五级/初级工", "是",
        "南充示例应急救援培训学校", "四川省南充市顺庆区示例路1号", "示例行，导入前请删除"}},
      {"示例李四", "511303198511202468",
       {"2", "示例李四", "居民身份证", "511303198511202468", "女", "", "13900139000", "五级/初级工", "是",
        "南充示例应急救援培训学校", "", "示例行，导入前请删除"}},
  };
  return kExamples;
}

}  // namespace

sheet::Table applicant_template_rows() {
  sheet::Table t;
  for (const auto& c : applicant_columns()) t.header.emplace_back(c.title);
  t.header_row_number = 1;
  int row = 2;
  for (const auto& e : examples()) {
    t.rows.push_back(e.row);
    t.row_numbers.push_back(row++);
  }
  return t;
}

std::vector<std::string> applicant_template_instructions() {
  std::vector<std::string> lines{
      "鉴定申请报名信息表（" + std::string(kOccupationName) + " " + std::string(kOccupationCode) + "）填写说明",
      "1. 由培训机构或用人单位集体申报，个人不能自行报名（R3）。每个文件最多 10,000 行，每批次一个申报等级。",
      "2. 第一个工作表“报名信息表”的第 1 行为表头，请勿修改列名；列的顺序可以调整，选填列可以删除。",
      "3. 第 2、3 行是示例（证件号码为公开的测试号码），导入前请删除，否则导入会被拒绝。",
      "4. 报名条件：报名之日年满 18 周岁，身体健康（R2）；年龄按提交批次之日和证件号码中的出生日期计算（D14）。",
      "5. 整个文件任何一处有误，都不会导入任何记录；系统会列出每一处问题所在的行和列，改正后重新上传即可。",
      "6. 也可以上传 CSV 文件（UTF-8 或 GBK 编码），列名与本模板相同。",
      "",
      "各列说明：",
  };
  for (const auto& c : applicant_columns())
    lines.push_back(std::string(c.title) + (c.required ? "（必填列）" : "（选填列）") + "：" + std::string(c.hint));
  return lines;
}

Result<std::string> applicant_template_xlsx() {
  sheet::WorkbookSpec spec;
  spec.sheet_name = "报名信息表";
  for (const auto& c : applicant_columns()) {
    sheet::ColumnSpec col{std::string(c.title), c.width, c.text, {}};
    if (c.column == ApplicantColumn::kDocumentType)
      col.choices = {"居民身份证", "港澳台居民居住证", "外国人永久居留身份证", "港澳居民来往内地通行证", "台湾居民来往大陆通行证", "护照"};
    if (c.column == ApplicantColumn::kSex) col.choices = {"男", "女"};
    if (c.column == ApplicantColumn::kHealth) col.choices = {"是", "否"};
    if (c.column == ApplicantColumn::kLevel)
      for (const auto& level : occupation_levels()) col.choices.push_back(level.display_name());
    spec.columns.push_back(std::move(col));
  }
  for (const auto& e : examples()) spec.rows.push_back(e.row);
  spec.instructions_sheet_name = "填写说明";
  spec.instructions = applicant_template_instructions();
  return sheet::write_xlsx(spec);
}

bool is_template_example(std::string_view name, std::string_view normalized_id) {
  for (const auto& e : examples())
    if (e.name == name && e.id == normalized_id) return true;
  return false;
}

}  // namespace rc::app
