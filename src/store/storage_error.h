#pragma once
// The boundary where SOCI's exceptions become rc::Error values (store-internal). Messages are
// Chinese and never quote stored values: SOCI's own text echoes bound parameters (ID numbers,
// names), so it is reduced to the constraint or a first line before it is kept.

#include <exception>
#include <stdexcept>
#include <string_view>

#include "domain/common/result.h"

namespace rc::store {

// Thrown inside the store when a stored value cannot be read back (a date that is not a date,
// an unknown enum text). Caught by guarded() like a SOCI error.
class CorruptValue : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Maps any exception thrown by SOCI or the store to an Error; `operation` names what was being
// done, in Chinese (e.g. "保存考生").
Error storage_error(const std::exception& e, std::string_view operation);

// Runs fn() -> Result<T>, converting any exception into a failed Result.
template <class F>
auto guarded(std::string_view operation, F&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const std::exception& e) {
    return fail(storage_error(e, operation));
  }
}

}  // namespace rc::store
