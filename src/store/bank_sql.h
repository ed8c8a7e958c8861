#pragma once
// SQL of store/bank_item_repository.cpp (V009).

#include <string_view>

namespace rc::store::sql {

#define RC_BANK_INSERT                                                                                         \
  "INSERT INTO bank_items (code, version, kind, area, difficulty, status, stem, option_a, option_b, option_c," \
  " option_d, answer, explanation, digest, created_at, created_by, updated_at, updated_by) VALUES (:code,"    \
  " :version, :kind, :area, :difficulty, :status, :stem, :option_a, :option_b, :option_c, :option_d, :answer," \
  " :explanation, :digest, :created_at, :created_by, :updated_at, :updated_by)"
inline constexpr std::string_view kInsertBankItem = RC_BANK_INSERT " RETURNING id";
inline constexpr std::string_view kInsertBankItemIfAbsent =
    RC_BANK_INSERT " ON CONFLICT (code, version) DO NOTHING RETURNING id";
#undef RC_BANK_INSERT

inline constexpr std::string_view kUpdateBankItem =
    "UPDATE bank_items SET kind = :kind, area = :area, difficulty = :difficulty, status = :status, stem = :stem,"
    " option_a = :option_a, option_b = :option_b, option_c = :option_c, option_d = :option_d, answer = :answer,"
    " explanation = :explanation, digest = :digest, updated_at = :updated_at, updated_by = :updated_by"
    " WHERE id = :id";

#define RC_BANK_COLUMNS                                                                                       \
  "id, code, version, kind, area, difficulty, status, stem, option_a, option_b, option_c, option_d, answer," \
  " explanation, digest, created_at, created_by, updated_at, updated_by"
inline constexpr std::string_view kSelectBankItemById = "SELECT " RC_BANK_COLUMNS " FROM bank_items WHERE id = :id";
inline constexpr std::string_view kSelectBankItemVersion =
    "SELECT " RC_BANK_COLUMNS " FROM bank_items WHERE code = :code AND version = :version";
inline constexpr std::string_view kSelectBankItemVersions =
    "SELECT " RC_BANK_COLUMNS " FROM bank_items WHERE code = :code ORDER BY version";
// Empty filter values match every row.
inline constexpr std::string_view kSelectBankItems =
    "SELECT " RC_BANK_COLUMNS " FROM bank_items WHERE (:area1 = '' OR area = :area2)"
    " AND (:kind1 = '' OR kind = :kind2) AND (:status1 = '' OR status = :status2) ORDER BY code, version";
#undef RC_BANK_COLUMNS

inline constexpr std::string_view kCountBankItems =
    "SELECT kind, area, status, COUNT(*) FROM bank_items GROUP BY kind, area, status ORDER BY kind, area, status";
inline constexpr std::string_view kCountAllBankItems = "SELECT COUNT(*) FROM bank_items";

inline constexpr std::string_view kCountPapersUsingItem =
    "SELECT COUNT(DISTINCT paper_id) FROM exam_paper_items WHERE item_code = :code AND item_version = :version";
inline constexpr std::string_view kInsertPaperItem =
    "INSERT INTO exam_paper_items (paper_id, position, item_code, item_version, item_digest) VALUES (:paper_id,"
    " :position, :item_code, :item_version, :item_digest)";
inline constexpr std::string_view kSelectPaperItems =
    "SELECT position, item_code, item_version, item_digest FROM exam_paper_items WHERE paper_id = :paper_id"
    " ORDER BY position";

}  // namespace rc::store::sql
