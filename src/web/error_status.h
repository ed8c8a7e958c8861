#pragma once
// The one mapping of error codes to HTTP statuses (ARCHITECTURE.md house rule 3). The domain and
// app layers return rc::Error values; only web/ turns them into statuses.

#include "domain/common/error.h"

namespace rc::web {

int http_status(ErrorCode code);

}  // namespace rc::web
