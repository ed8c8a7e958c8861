#pragma once
// The one error type of RescueCert. Expected failures (bad input, rule refusals) are returned as
// values carrying a code from the closed list below, the field at fault, the rule cited and a
// Chinese message for people. Exceptions are kept for broken invariants only.
//
// Codes are stable: programs match on code_name(code) (e.g. "id.bad_checksum"), never on the
// message. Adding a code: append it to its section here and to the table in error.cpp.
// The mapping of codes to HTTP statuses lives in web/, not here (the domain knows no HTTP).

#include <string>
#include <string_view>

namespace rc {

enum class ErrorCode {
  // generic input
  kMalformedJson,
  kMissingField,
  kWrongType,
  kInvalidValue,
  kInvalidDate,
  kUnknownEnumValue,
  kOutOfOrder,
  kTooLarge,
  // spreadsheets and batch import (F2, R3)
  kSheetUnreadable,
  kSheetTooLarge,
  kSheetBadCell,
  kSheetBadEncoding,
  kSheetMissingColumn,
  kSheetUnknownColumn,
  kSheetEmpty,
  kApplicantBadName,
  kApplicantBadPhone,
  kApplicantIdMismatch,
  kApplicantDuplicateInFile,
  kApplicantAlreadyRegistered,
  // identity numbers (D16)
  kIdEmpty,
  kIdBadLength,
  kIdBadFormat,
  kIdBadChecksum,
  kIdBadBirthDate,
  kIdFutureBirthDate,
  kIdBirthBefore1900,
  kIdBadSequence,
  kIdUnknownProvince,
  kIdUnknownRegion,
  kIdLegacy15,
  // occupation, eligibility, policy (R1, R2, D14, D18)
  kLevelClosed,
  kUnknownLevel,
  kUnderAge,
  kOverAge,
  kHealthNotDeclared,
  kUnknownPolicy,
  kNoPolicyInForce,
  kBadPolicy,
  // scoring (R6, R7)
  kScoreOutOfRange,
  kBadScoringScheme,
  // rules engine (R12, D1-D18)
  kNoRightForSitting,
  kSittingAfterToday,
  kRegistrationEnded,
  kNoRegistrations,
  // storage
  kNotFound,
  kConflict,
  kStorageFailure,
  // HTTP edge
  kRouteNotFound,
  kMethodNotAllowed,
  kUnsupportedMediaType,
  // authentication and sessions (identity/)
  kTooManyRequests,
  kCaptchaWrong,
  kCaptchaExpired,
  kBadCredentials,
  kAccountLocked,
  kSmsCodeWrong,
  kSmsCodeExpired,
  kSessionExpired,
  kWeakPassword,
  kCsrf,
  kForbidden,
  kUnauthenticated,
  kSmsSendFailed,
  kBatchEmpty,
  kWrongState,
  kAccountNotActivated,
  kPhotoRejected,
  kFaceMismatch,
  kStepsIncomplete,
  kReasonRequired,
  kFeeNotPaid,
  kManualReviewUnavailable,
  // certificates (F16-F21) and the transparency log
  kOfdMalformed,
  kOfdMissingPart,
  kOfdDigestMismatch,
  kOfdSignatureInvalid,
  kOfdUnreferencedPart,
  kQrPayloadMalformed,
  kQrSignatureInvalid,
  kCertificateNotCompleted,
  kCertificateNotFiled,
  kCertificateRevoked,
  kCertificateExpired,
  kStatusUnavailable,
  kLogInconsistent,
  kLogProofInvalid,
  // theory exam, sittings and check-in (F6-F11, R5, R6, D11)
  kExamTimeOver,
  kExamClosed,
  kExamSequenceConflict,
  kExamBankShortfall,
  kBankItemLocked,
  kSittingFull,
  kSeatTaken,
  kTicketInvalid,
  kCheckInLate,
  kNotCheckedIn,
  // practical, results, appeals, retakes (F12-F15, R7, R8, R12, D3-D5, D13, D15, D17)
  kPracticalClaimed,
  kPracticalNotDrawn,
  kPracticalExaminers,
  kResultNotPublished,
  kAppealWindowClosed,
  kAppealExists,
  // configuration and keys
  kBadConfig,
  kKeyFailure,
};

struct Error {
  ErrorCode code;
  std::string field;    // JSON path or form field at fault, e.g. "registrations[0].sittings[2].kind"
  std::string message;  // Chinese, for people; names the reason
  std::string rule;     // rule or decision cited (e.g. "R12a", "D16"), empty when none applies
};

// Stable machine name of a code, e.g. "id.bad_checksum".
std::string_view code_name(ErrorCode code);
// Default Chinese message of a code, used when no more specific message is given.
std::string_view default_message(ErrorCode code);

// Builds an Error; an empty message takes the code's default.
Error make_error(ErrorCode code, std::string field = {}, std::string message = {}, std::string rule = {});

}  // namespace rc
