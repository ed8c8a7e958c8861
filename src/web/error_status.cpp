#include "web/error_status.h"

namespace rc::web {

int http_status(ErrorCode code) {
  switch (code) {
    case ErrorCode::kTooLarge:
      return 413;
    case ErrorCode::kNotFound:
    case ErrorCode::kRouteNotFound:
      return 404;
    case ErrorCode::kMethodNotAllowed:
      return 405;
    case ErrorCode::kUnsupportedMediaType:
      return 415;
    case ErrorCode::kConflict:
    case ErrorCode::kExamSequenceConflict:
    case ErrorCode::kPracticalClaimed:
    case ErrorCode::kAppealExists:
    case ErrorCode::kSeatTaken:
      return 409;
    case ErrorCode::kUnauthenticated:
    case ErrorCode::kSessionExpired:
    case ErrorCode::kBadCredentials:
      return 401;
    case ErrorCode::kForbidden:
    case ErrorCode::kCsrf:
      return 403;
    case ErrorCode::kAccountLocked:
      return 423;
    case ErrorCode::kTooManyRequests:
      return 429;
    case ErrorCode::kSmsSendFailed:
      return 502;
    case ErrorCode::kStatusUnavailable:
      return 503;
    case ErrorCode::kStorageFailure:
    case ErrorCode::kBadConfig:
    case ErrorCode::kKeyFailure:
    case ErrorCode::kBadPolicy:
      return 500;
    default:
      // Input that is malformed or breaks a rule or a field constraint (RULES.md: HTTP 422).
      return 422;
  }
}

}  // namespace rc::web
