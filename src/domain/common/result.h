#pragma once
// Result<T>: a value or an Error (tl::expected). Returned by every operation that can fail on
// outside input; callers must look at it ([[nodiscard]] on the functions that return it).

#include <tl/expected.hpp>

#include "domain/common/error.h"

namespace rc {

template <class T>
using Result = tl::expected<T, Error>;

// A failed Result of any T: `return fail(ErrorCode::kIdBadChecksum, "id_number");`
inline tl::unexpected<Error> fail(ErrorCode code, std::string field = {}, std::string message = {},
                                  std::string rule = {}) {
  return tl::unexpected<Error>(make_error(code, std::move(field), std::move(message), std::move(rule)));
}
inline tl::unexpected<Error> fail(Error e) { return tl::unexpected<Error>(std::move(e)); }

// Result<void> success value.
inline Result<void> ok() { return {}; }

}  // namespace rc
