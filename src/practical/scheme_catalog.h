#pragma once
// SchemeCatalog: the assessment schemes a build ships (data/*.json, embedded) or a test hands in,
// looked up by exam version and region: a region's own scheme when there is one, otherwise the
// national default (region "000000"). Immutable after construction; thread-safe to share.

#include <string_view>
#include <utility>
#include <vector>

#include "domain/common/result.h"
#include "practical/assessment_scheme.h"

namespace rc::practical {

class SchemeCatalog {
 public:
  // Every document parsed and validated; kBadScoringScheme names the file and field
  // ("practical-x.json: drawn.groups[0].share_bp"); two schemes with one id or one (version,
  // region) are refused.
  [[nodiscard]] static Result<SchemeCatalog> from_documents(
      const std::vector<std::pair<std::string_view, std::string_view>>& named_texts);
  // The shipped schemes.
  [[nodiscard]] static Result<SchemeCatalog> embedded();

  // kNotFound (field "exam_version") when neither the region nor the national default has one.
  [[nodiscard]] Result<const AssessmentScheme*> for_exam(std::string_view exam_version, std::string_view region) const;
  [[nodiscard]] Result<const AssessmentScheme*> by_id(std::string_view id) const;
  const std::vector<AssessmentScheme>& all() const { return schemes_; }

 private:
  std::vector<AssessmentScheme> schemes_;
};

}  // namespace rc::practical
