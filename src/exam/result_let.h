#pragma once
// RC_EXAM_LET(name, expr): evaluates a Result-returning expression; returns its error from the
// enclosing function, or binds `name` to the value. Keeps the strict readers flat (one line per
// field) without exceptions. For .cpp files of this module only.

#define RC_EXAM_LET(name, expr)                           \
  auto name##_result = (expr);                            \
  if (!name##_result) return fail(name##_result.error()); \
  auto& name = *name##_result
