#pragma once
// Papers (F9): one per candidate, generated before the sitting from the bank and the blueprint,
// deterministically from a recorded seed (same bank + blueprint + request -> the same paper), so
// a paper can be regenerated for audit and the start of an exam costs no assembly work.
//
// Generation draws only reviewed items, never one twice, the blueprint's count per (kind, area);
// single-choice questions come first, then true/false (the paper's two sections), each section
// in shuffled order; single-choice options are shuffled and the key remapped.
//
// The seal is SM3 over a canonical text of the paper (request ids and seed, blueprint, and per
// question the item id, version, content digest, option order, key and points): verify_seal
// recomputes it, verify_paper_against_bank also checks that every item still has that content.
// Pure; thread-safe (the bank is read only).

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/random.h"
#include "domain/common/result.h"
#include "exam/bank.h"
#include "exam/blueprint.h"

namespace rc::exam {

struct PaperRequest {
  std::string sitting_id;    // [A-Za-z0-9._:-], 1-64 characters
  std::string candidate_id;  // same
  std::uint64_t seed = 0;    // drawn by the app from a secure source and recorded with the paper
};

struct PaperQuestion {
  std::string item_id;
  int item_version = 1;
  ItemKind kind = ItemKind::kSingleChoice;
  KnowledgeArea area = KnowledgeArea::kBasics;
  // order[d] = the item's original option shown at displayed position d (true/false: {0, 1}).
  std::array<std::uint8_t, kOptionCount> order{0, 1, 2, 3};
  std::uint8_t key = 0;  // displayed position of the right answer
  int points = 1;
  std::string item_digest;  // item_content_digest at generation
};

struct Paper {
  PaperRequest request;
  std::string bank_id;
  std::string blueprint_id;
  std::vector<PaperQuestion> questions;
  std::string seal;  // SM3 hex of canonical_paper_text
};

bool valid_reference(std::string_view id);

// kInvalidValue for bad request ids; kConflict (check_bank_supply) when the bank is short.
[[nodiscard]] Result<Paper> generate_paper(const QuestionBank& bank, const Blueprint& blueprint,
                                           const PaperRequest& request);

// Every paper of a sitting, in the order given (the app pre-generates them all before the exam).
// kConflict naming "candidates[i]" for a candidate listed twice: one candidate, one paper. The
// bank's supply is checked once, so a short bank fails before any paper is made.
struct CandidateSeed {
  std::string candidate_id;
  std::uint64_t seed = 0;
};
[[nodiscard]] Result<std::vector<Paper>> generate_sitting_papers(const QuestionBank& bank, const Blueprint& blueprint,
                                                                 std::string_view sitting_id,
                                                                 const std::vector<CandidateSeed>& candidates);

// The text the seal is computed over; one line per fact, no ambiguity.
std::string canonical_paper_text(const Paper& paper);
std::string compute_seal(const Paper& paper);
// kConflict "paper.seal" when the paper no longer matches its seal.
[[nodiscard]] Result<void> verify_seal(const Paper& paper);
// The seal, and every question's item present in the bank with the recorded digest and a key
// that maps back to the item's key. kConflict naming "questions[i]".
[[nodiscard]] Result<void> verify_paper_against_bank(const Paper& paper, const QuestionBank& bank);

// The option texts in displayed order (single choice), for rendering a question.
std::array<std::string_view, kOptionCount> displayed_options(const Item& item, const PaperQuestion& q);

}  // namespace rc::exam
