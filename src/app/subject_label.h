#pragma once
// The Chinese name of an appraisal subject, as pages, tickets, exports and certificates print it
// (理论知识考试, 技能考核). One definition for every module that shows subjects.

#include <string_view>

#include "store/records.h"

namespace rc::app {

std::string_view subject_label(store::Subject s);

}  // namespace rc::app
