#pragma once
// Verification of audit paths and consistency proofs as RFC 9162 §2.1.3.2 and §2.1.4.2 give it:
// walk the proof bottom-up with the binary expansions of the indices, so a proof of the wrong
// length, for the wrong index or the wrong size never verifies. Proof verification needs nothing
// but the hashes: no tree, no store; this is what an outside auditor runs.
//
// Failures: kLogProofInvalid (inclusion), kLogInconsistent (consistency), field "proof".

#include <cstdint>
#include <span>

#include "domain/common/result.h"
#include "transparency/hash.h"

namespace rc::transparency {

// The root that `proof` yields for `leaf` at `index` in a tree of `size` leaves.
[[nodiscard]] Result<Hash> root_from_inclusion(std::uint64_t index, std::uint64_t size, const Hash& leaf,
                                               std::span<const Hash> proof);
[[nodiscard]] Result<void> verify_inclusion(std::uint64_t index, std::uint64_t size, const Hash& leaf,
                                            std::span<const Hash> proof, const Hash& root);

// The tree of `second` leaves with `second_root` extends the one of `first` leaves with
// `first_root`. first == second needs an empty proof and equal roots; first == 0 needs an empty
// proof and the empty-tree root.
[[nodiscard]] Result<void> verify_consistency(std::uint64_t first, std::uint64_t second, const Hash& first_root,
                                              const Hash& second_root, std::span<const Hash> proof);

}  // namespace rc::transparency
