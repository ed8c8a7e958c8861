#include "app/applicant_row.h"

#include "app/applicant_fields.h"
#include "domain/eligibility/eligibility.h"
#include "domain/occupation/occupation.h"

namespace rc::app {
namespace {

using C = ApplicantColumn;

class RowCheck {
 public:
  RowCheck(const RowInput& in, const RowRules& rules, std::vector<ImportError>& errors)
      : in_(in), rules_(rules), errors_(errors), first_error_(errors.size()) {}

  std::optional<ApplicantRecord> run(bool& blank);

 private:
  int index(C c) const { return in_.columns->at(c); }
  std::string_view cell(C c) const {
    const int i = index(c);
    return i < 0 || static_cast<std::size_t>(i) >= in_.cells->size() ? std::string_view() : (*in_.cells)[static_cast<std::size_t>(i)];
  }
  const Error* reader_error(int column) const {
    const auto it = in_.cell_errors->find({in_.row, column});
    return it == in_.cell_errors->end() ? nullptr : it->second;
  }
  // True (and reported) when the reader could not read this cell; its field is then not checked.
  bool unreadable(C c) {
    const int i = index(c);
    const Error* e = i < 0 ? nullptr : reader_error(i);
    if (e) errors_.push_back(make_import_error(in_.row, column_info(c).title, i, e->code, strip_position(e->message)));
    return e != nullptr;
  }
  static std::string strip_position(const std::string& message) {
    const auto colon = message.find("：");
    return colon == std::string::npos ? message : message.substr(colon + 3);
  }
  void error(C c, const Error& e, std::string rule = {}) {
    errors_.push_back(make_import_error(in_.row, column_info(c).title, index(c), e.code, e.message,
                                        rule.empty() ? e.rule : std::move(rule)));
  }
  void error(C c, ErrorCode code, std::string reason, std::string rule = {}) {
    errors_.push_back(make_import_error(in_.row, column_info(c).title, index(c), code, std::move(reason), std::move(rule)));
  }
  bool is_blank() const;
  void check_identity(ApplicantRecord& rec);
  void check_birth_and_age(ApplicantRecord& rec, bool id_ok);
  void check_declarations(ApplicantRecord& rec);
  void check_free_text(ApplicantRecord& rec);
  void check_stray_cells();

  const RowInput& in_;
  const RowRules& rules_;
  std::vector<ImportError>& errors_;
  std::size_t first_error_;
};

bool RowCheck::is_blank() const {
  for (std::size_t i = 0; i < in_.cells->size(); ++i)
    if (static_cast<int>(i) != index(C::kSerial) && !trim_cell((*in_.cells)[i]).empty()) return false;
  for (const auto& [key, e] : *in_.cell_errors)
    if (key.first == in_.row) return false;
  return true;
}

void RowCheck::check_identity(ApplicantRecord& rec) {
  if (!unreadable(C::kName)) {
    if (auto name = parse_person_name(cell(C::kName))) rec.name = std::move(*name);
    else error(C::kName, name.error());
  }
  auto declared = parse_document_type(cell(C::kDocumentType));
  if (!declared) error(C::kDocumentType, declared.error());
  bool id_ok = false;
  if (!unreadable(C::kIdNumber) && declared) {
    if (auto id = identity::parse_id_number(cell(C::kIdNumber), rules_.submitted_on, *declared)) {
      rec.id = std::move(*id);
      rec.manual_review = rec.id.manual_review;
      rec.warnings = rec.id.warnings;
      if (rec.manual_review)
        rec.warnings.push_back(std::string(identity::document_type_name_zh(rec.id.type)) + "需由鉴定站人工审核（D16）");
      id_ok = true;
    } else {
      error(C::kIdNumber, id.error(), "D16");
    }
  }
  if (!unreadable(C::kSex)) {
    if (auto sex = parse_sex(cell(C::kSex))) {
      rec.sex = *sex;
      if (id_ok && rec.id.sex && *rec.id.sex != *sex)
        error(C::kSex, ErrorCode::kApplicantIdMismatch,
              std::string("性别与证件号码不一致：证件号码显示为") + (*rec.id.sex == identity::Sex::kMale ? "男" : "女"), "D16");
    } else {
      error(C::kSex, sex.error());
    }
  }
  check_birth_and_age(rec, id_ok);
}

void RowCheck::check_birth_and_age(ApplicantRecord& rec, bool id_ok) {
  std::optional<CivilDate> written;
  if (!unreadable(C::kBirthDate) && !trim_cell(cell(C::kBirthDate)).empty()) {
    if (auto d = parse_cell_date(cell(C::kBirthDate))) written = *d;
    else error(C::kBirthDate, d.error());
  }
  if (!id_ok) return;
  const bool from_id = rec.id.birth_date.has_value();
  if (from_id && written && *written != *rec.id.birth_date) {
    error(C::kBirthDate, ErrorCode::kApplicantIdMismatch,
          "出生日期 " + written->to_string() + " 与证件号码中的 " + rec.id.birth_date->to_string() + " 不一致", "D16");
    return;
  }
  if (!from_id && !written) {
    if (index(C::kBirthDate) < 0 || trim_cell(cell(C::kBirthDate)).empty())
      error(C::kBirthDate, ErrorCode::kMissingField,
            std::string(identity::document_type_name_zh(rec.id.type)) + "号码中不含出生日期，请填写出生日期", "R2");
    return;
  }
  rec.birth_date = from_id ? *rec.id.birth_date : *written;
  if (auto age = check_age(rec.birth_date, rules_.submitted_on, *rules_.policy); !age)
    error(from_id ? C::kIdNumber : C::kBirthDate, age.error(), "R2");
}

void RowCheck::check_declarations(ApplicantRecord& rec) {
  if (!unreadable(C::kMobile)) {
    if (auto m = parse_mobile(cell(C::kMobile))) rec.mobile = std::move(*m);
    else error(C::kMobile, m.error());
  }
  rec.level_code = rules_.batch_level;
  if (!unreadable(C::kLevel) && !trim_cell(cell(C::kLevel)).empty()) {
    auto level = parse_level_cell(cell(C::kLevel));
    if (!level) {
      error(C::kLevel, level.error(), "R1");
    } else if (*level != rules_.batch_level) {
      const auto batch = level_by_code(rules_.batch_level);
      error(C::kLevel, ErrorCode::kInvalidValue,
            "与本批次的申报等级（" + (batch ? batch->display_name() : std::to_string(rules_.batch_level)) +
                "）不一致；不同等级请分批申报",
            "R1");
    }
  }
  if (!unreadable(C::kHealth)) {
    auto yes = parse_yes_no(cell(C::kHealth));
    if (!yes) error(C::kHealth, yes.error(), "R2");
    else if (!*yes && rules_.policy->health_declaration_required)
      error(C::kHealth, ErrorCode::kHealthNotDeclared, "未声明身体健康（填写了“否”），不符合报考条件", "R2");
    else rec.health_declared = *yes;
  }
}

void RowCheck::check_free_text(ApplicantRecord& rec) {
  const std::pair<C, std::pair<std::string*, std::size_t>> fields[] = {
      {C::kSerial, {&rec.serial, 20}},
      {C::kEmployer, {&rec.employer, 100}},
      {C::kAddress, {&rec.address, 200}},
      {C::kRemarks, {&rec.remarks, 200}},
  };
  for (const auto& [column, target] : fields) {
    if (unreadable(column)) continue;
    if (auto text = parse_free_text(cell(column), target.second)) *target.first = std::move(*text);
    else error(column, text.error());
  }
}

// Content under no header, and reader errors in columns no rule looks at.
void RowCheck::check_stray_cells() {
  for (std::size_t i = 0; i < in_.cells->size(); ++i) {
    const bool headed = i < in_.header->size() && !trim_cell((*in_.header)[i]).empty();
    if (!headed && !trim_cell((*in_.cells)[i]).empty())
      errors_.push_back(make_import_error(in_.row, "", static_cast<int>(i), ErrorCode::kSheetUnknownColumn,
                                          "该单元格所在的列没有表头，请删除多余内容"));
  }
  for (const auto& [key, e] : *in_.cell_errors) {
    if (key.first != in_.row) continue;
    bool mapped = false;
    for (std::size_t c = 0; c < kApplicantColumnCount; ++c) mapped = mapped || in_.columns->index[c] == key.second;
    if (!mapped) errors_.push_back(make_import_error(in_.row, "", key.second, e->code, strip_position(e->message)));
  }
}

std::optional<ApplicantRecord> RowCheck::run(bool& blank) {
  blank = is_blank();
  if (blank) return std::nullopt;
  ApplicantRecord rec;
  rec.row = in_.row;
  check_identity(rec);
  check_declarations(rec);
  check_free_text(rec);
  check_stray_cells();
  if (errors_.size() != first_error_) return std::nullopt;
  return rec;
}

}  // namespace

std::optional<ApplicantRecord> validate_applicant_row(const RowInput& in, const RowRules& rules,
                                                      std::vector<ImportError>& errors, bool& blank) {
  return RowCheck(in, rules, errors).run(blank);
}

}  // namespace rc::app
