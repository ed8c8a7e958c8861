#include "app/subject_label.h"

namespace rc::app {

std::string_view subject_label(store::Subject s) {
  return s == store::Subject::kTheory ? "理论知识考试" : "技能考核";
}

}  // namespace rc::app
