#include "practical/scheme_catalog.h"

#include <string>

namespace rc {
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_practical_schemes();
}

namespace rc::practical {

Result<SchemeCatalog> SchemeCatalog::from_documents(
    const std::vector<std::pair<std::string_view, std::string_view>>& named_texts) {
  SchemeCatalog c;
  for (const auto& [name, text] : named_texts) {
    auto s = parse_assessment_scheme(text);
    if (!s) return fail(ErrorCode::kBadScoringScheme, std::string(name) + ": " + s.error().field, s.error().message, "R7");
    for (const auto& other : c.schemes_) {
      if (other.id == s->id)
        return fail(ErrorCode::kBadScoringScheme, std::string(name) + ": id", "评分方案编号重复：" + s->id + "（R7）", "R7");
      if (other.exam_version == s->exam_version && other.region == s->region)
        return fail(ErrorCode::kBadScoringScheme, std::string(name) + ": region",
                    "同一考试版本和地区有两个评分方案：" + other.id + " 与 " + s->id + "（R7）", "R7");
    }
    c.schemes_.push_back(std::move(*s));
  }
  return c;
}

Result<SchemeCatalog> SchemeCatalog::embedded() { return from_documents(embedded_practical_schemes()); }

Result<const AssessmentScheme*> SchemeCatalog::for_exam(std::string_view exam_version, std::string_view region) const {
  const AssessmentScheme* national = nullptr;
  for (const auto& s : schemes_) {
    if (s.exam_version != exam_version) continue;
    if (s.region == region) return &s;
    if (s.region == "000000") national = &s;
  }
  if (national) return national;
  return fail(ErrorCode::kNotFound, "exam_version",
              "没有考试版本 " + std::string(exam_version) + " 的技能考核评分方案（地区 " + std::string(region) + "）（R7）", "R7");
}

Result<const AssessmentScheme*> SchemeCatalog::by_id(std::string_view id) const {
  for (const auto& s : schemes_)
    if (s.id == id) return &s;
  return fail(ErrorCode::kNotFound, "scheme_id", "评分方案不存在：" + std::string(id) + "（R7）", "R7");
}

}  // namespace rc::practical
