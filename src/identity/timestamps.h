#pragma once
// Instants between the injected Clock (system_clock, nanoseconds) and the store (milliseconds
// since the epoch). Truncation to the millisecond is why comparisons in identity/ are done on
// the stored values, never on a Clock reading against a stored one.

#include <chrono>

#include "store/records.h"

namespace rc::identity {

inline store::Timestamp to_stored(std::chrono::system_clock::time_point t) {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(t);
}

inline std::chrono::system_clock::time_point from_stored(store::Timestamp t) {
  return std::chrono::time_point_cast<std::chrono::system_clock::duration>(t);
}

}  // namespace rc::identity
