#include "exam/item_row.h"

#include <algorithm>
#include <charconv>
#include <utility>

#include "domain/policy/strict_json.h"

namespace rc::exam {
namespace {

constexpr std::array<ItemColumnInfo, kItemColumnCount> kColumns{{
    {ItemColumn::kId, "题目编号", true, "字母、数字、“.”“_”“-”，最多 40 个字符；同一题目各版本编号相同"},
    {ItemColumn::kKind, "题型", true, "单选题 或 判断题"},
    {ItemColumn::kArea, "知识领域", true, "职业道德、基础知识、现场评估与安全、现场急救、创伤救护、火灾与灭火器、灾害避险与检伤分类"},
    {ItemColumn::kDifficulty, "难度", true, "1（易）到 5（难），或 易/较易/中等/较难/难"},
    {ItemColumn::kVersion, "版本", false, "正整数，空白为 1"},
    {ItemColumn::kStatus, "审核状态", false, "草稿、已审核 或 已停用；空白为 草稿"},
    {ItemColumn::kStem, "题干", true, "题目内容"},
    {ItemColumn::kOptionA, "选项A", true, "单选题必填；判断题留空"},
    {ItemColumn::kOptionB, "选项B", true, "单选题必填；判断题留空"},
    {ItemColumn::kOptionC, "选项C", true, "单选题必填；判断题留空"},
    {ItemColumn::kOptionD, "选项D", true, "单选题必填；判断题留空"},
    {ItemColumn::kAnswer, "答案", true, "单选题 A/B/C/D；判断题 正确/错误"},
    {ItemColumn::kExplanation, "解析", false, "可选"},
}};

constexpr std::array<std::string_view, 5> kDifficultyNames{"易", "较易", "中等", "较难", "难"};

std::string_view title_of(ItemColumn c) { return kColumns[static_cast<std::size_t>(c)].title; }

// Trims ASCII white space and the ideographic space U+3000 that Chinese input methods produce.
std::string_view trim(std::string_view s) {
  constexpr std::string_view kIdeographic = "\xE3\x80\x80";
  for (bool again = true; again;) {
    again = false;
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
      s.remove_prefix(1), again = true;
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
      s.remove_suffix(1), again = true;
    if (s.starts_with(kIdeographic)) s.remove_prefix(3), again = true;
    if (s.ends_with(kIdeographic)) s.remove_suffix(3), again = true;
  }
  return s;
}

std::string normalize_title(std::string_view t) {
  std::string out;
  for (char c : trim(t))
    if (c != ' ' && c != '*') out += c;
  for (std::string_view suffix : {"(必填)", "（必填）", "(选填)", "（选填）"})
    if (std::string_view(out).ends_with(suffix)) out.resize(out.size() - suffix.size());
  return out;
}

class RowErrors {
 public:
  explicit RowErrors(int row) : row_(row) {}
  void add(ItemColumn c, ErrorCode code, std::string reason) {
    const std::string title(title_of(c));
    errors_.push_back(make_error(code, title, "第 " + std::to_string(row_) + " 行「" + title + "」：" + std::move(reason)));
  }
  std::vector<Error> take() { return std::move(errors_); }
  bool empty() const { return errors_.empty(); }

 private:
  int row_;
  std::vector<Error> errors_;
};

std::optional<int> small_int(std::string_view s, int lo, int hi) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size() || v < lo || v > hi) return std::nullopt;
  return v;
}

std::optional<int> parse_answer(ItemKind kind, std::string_view s) {
  if (kind == ItemKind::kTrueFalse) {
    for (std::string_view yes : {"正确", "对", "√", "true"})
      if (s == yes) return 0;
    for (std::string_view no : {"错误", "错", "×", "false"})
      if (s == no) return 1;
    return std::nullopt;
  }
  static constexpr std::array<std::string_view, 16> kLetters{"A", "B", "C", "D", "a", "b", "c", "d",  // and full-width
                                                             "Ａ", "Ｂ", "Ｃ", "Ｄ", "ａ", "ｂ", "ｃ", "ｄ"};
  for (std::size_t i = 0; i < kLetters.size(); ++i)
    if (s == kLetters[i]) return static_cast<int>(i % 4);
  return std::nullopt;
}

void read_labels(const ItemRow& r, Item& item, RowErrors& errs, bool& kind_known) {
  const auto cell = [&](ItemColumn c) { return trim(r.cells[static_cast<std::size_t>(c)]); };
  item.id = std::string(cell(ItemColumn::kId));
  if (!valid_item_id(item.id)) errs.add(ItemColumn::kId, ErrorCode::kInvalidValue, "应为 1 到 40 个字母、数字、“.”、“_”或“-”");
  auto kind = kind_from_name_zh(cell(ItemColumn::kKind));
  if (!kind) kind = kind_from_code(cell(ItemColumn::kKind));
  kind_known = kind.has_value();
  if (kind) item.kind = *kind;
  else errs.add(ItemColumn::kKind, ErrorCode::kUnknownEnumValue, "应为“单选题”或“判断题”");
  auto area = area_from_name_zh(cell(ItemColumn::kArea));
  if (!area) area = area_from_code(cell(ItemColumn::kArea));
  if (area) item.area = *area;
  else errs.add(ItemColumn::kArea, ErrorCode::kUnknownEnumValue, "不是已知的知识领域（见模板说明）");
  const std::string_view d = cell(ItemColumn::kDifficulty);
  auto difficulty = small_int(d, kMinDifficulty, kMaxDifficulty);
  for (std::size_t i = 0; !difficulty && i < kDifficultyNames.size(); ++i)
    if (d == kDifficultyNames[i]) difficulty = static_cast<int>(i) + 1;
  if (difficulty) item.difficulty = *difficulty;
  else errs.add(ItemColumn::kDifficulty, ErrorCode::kInvalidValue, "应为 1 到 5 的整数，或 易/较易/中等/较难/难");
  const std::string_view v = cell(ItemColumn::kVersion);
  auto version = v.empty() ? std::optional<int>(1) : small_int(v, 1, 1'000'000);
  if (version) item.version = *version;
  else errs.add(ItemColumn::kVersion, ErrorCode::kInvalidValue, "应为正整数");
  const std::string_view st = cell(ItemColumn::kStatus);
  auto status = st.empty() ? std::optional(ReviewStatus::kDraft) : status_from_name_zh(st);
  if (!status) status = status_from_code(st);
  if (status) item.status = *status;
  else errs.add(ItemColumn::kStatus, ErrorCode::kUnknownEnumValue, "应为 草稿、已审核 或 已停用");
}

void read_texts(const ItemRow& r, Item& item, RowErrors& errs) {
  const auto cell = [&](ItemColumn c) { return trim(r.cells[static_cast<std::size_t>(c)]); };
  const auto text = [&](ItemColumn c, std::size_t max, bool required, std::string& out) {
    const std::string_view s = cell(c);
    if (required && s.empty()) return errs.add(c, ErrorCode::kMissingField, "不能为空");
    if (s.size() > max) return errs.add(c, ErrorCode::kInvalidValue, "过长：最多 " + std::to_string(max) + " 字节");
    if (!clean_text(s)) return errs.add(c, ErrorCode::kInvalidValue, "含有无效的 UTF-8 编码或控制字符");
    out = std::string(s);
  };
  text(ItemColumn::kStem, kMaxStemBytes, true, item.stem);
  text(ItemColumn::kExplanation, kMaxExplanationBytes, false, item.explanation);
  const bool single = item.kind == ItemKind::kSingleChoice;
  for (std::size_t o = 0; o < kOptionCount; ++o) {
    const auto c = static_cast<ItemColumn>(static_cast<std::size_t>(ItemColumn::kOptionA) + o);
    if (single) {
      text(c, kMaxOptionBytes, true, item.options[o]);
      for (std::size_t p = 0; p < o; ++p)
        if (!item.options[o].empty() && item.options[o] == item.options[p])
          errs.add(c, ErrorCode::kInvalidValue, "与选项" + std::string(choice_label(ItemKind::kSingleChoice, p)) + "内容相同");
    } else if (!cell(c).empty()) {
      errs.add(c, ErrorCode::kInvalidValue, "判断题不设选项，请留空");
    }
  }
}

}  // namespace

std::span<const ItemColumnInfo> item_columns() { return kColumns; }

ItemHeader map_item_header(const std::vector<std::string>& header) {
  ItemHeader h;
  h.index.fill(-1);
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string title = normalize_title(header[i]);
    if (title.empty()) continue;
    auto it = std::find_if(kColumns.begin(), kColumns.end(), [&](const auto& c) { return c.title == title; });
    const std::string where = "第 " + std::to_string(i + 1) + " 列";
    if (it == kColumns.end()) {
      // The title is echoed only when it is clean text: messages end up in JSON and HTML.
      const std::string shown = clean_text(header[i]) ? quote_for_message(trim(header[i])) : "（含无效字符）";
      h.errors.push_back(make_error(ErrorCode::kSheetUnknownColumn, where, where + "的列名" + shown + "不是题库模板中的列"));
      continue;
    }
    int& slot = h.index[static_cast<std::size_t>(it->column)];
    if (slot >= 0) {
      h.errors.push_back(make_error(ErrorCode::kSheetUnknownColumn, std::string(it->title), where + "与第 " + std::to_string(slot + 1) + " 列重复：「" + std::string(it->title) + "」"));
      continue;
    }
    slot = static_cast<int>(i);
  }
  for (const auto& c : kColumns)
    if (c.required && h.at(c.column) < 0)
      h.errors.push_back(make_error(ErrorCode::kSheetMissingColumn, std::string(c.title), "缺少必需的列「" + std::string(c.title) + "」"));
  return h;
}

ItemRow item_row_from_cells(int row, const std::vector<std::string>& cells, const ItemHeader& header) {
  ItemRow r;
  r.row = row;
  for (std::size_t c = 0; c < kItemColumnCount; ++c) {
    const int i = header.index[c];
    if (i >= 0 && static_cast<std::size_t>(i) < cells.size()) r.cells[c] = cells[static_cast<std::size_t>(i)];
  }
  return r;
}

ItemRowResult parse_item_row(const ItemRow& row) {
  RowErrors errs(row.row);
  Item item;
  bool kind_known = false;
  read_labels(row, item, errs, kind_known);
  if (kind_known) {
    read_texts(row, item, errs);
    const std::string_view answer = trim(row.cells[static_cast<std::size_t>(ItemColumn::kAnswer)]);
    if (auto key = parse_answer(item.kind, answer)) item.key = *key;
    else errs.add(ItemColumn::kAnswer, answer.empty() ? ErrorCode::kMissingField : ErrorCode::kUnknownEnumValue,
                  item.kind == ItemKind::kSingleChoice ? "单选题答案应为 A、B、C、D 之一" : "判断题答案应为“正确”或“错误”");
  }
  ItemRowResult out;
  if (errs.empty()) out.item = std::move(item);
  out.errors = errs.take();
  return out;
}

std::array<std::string, kItemColumnCount> item_to_row(const Item& item) {
  std::array<std::string, kItemColumnCount> r{};
  const auto set = [&](ItemColumn c, std::string v) { r[static_cast<std::size_t>(c)] = std::move(v); };
  set(ItemColumn::kId, item.id);
  set(ItemColumn::kKind, std::string(kind_name_zh(item.kind)));
  set(ItemColumn::kArea, std::string(area_name_zh(item.area)));
  set(ItemColumn::kDifficulty, std::to_string(item.difficulty));
  set(ItemColumn::kVersion, std::to_string(item.version));
  set(ItemColumn::kStatus, std::string(status_name_zh(item.status)));
  set(ItemColumn::kStem, item.stem);
  if (item.kind == ItemKind::kSingleChoice)
    for (std::size_t o = 0; o < kOptionCount; ++o)
      set(static_cast<ItemColumn>(static_cast<std::size_t>(ItemColumn::kOptionA) + o), item.options[o]);
  set(ItemColumn::kAnswer, std::string(choice_label(item.kind, static_cast<std::size_t>(item.key))));
  set(ItemColumn::kExplanation, item.explanation);
  return r;
}

}  // namespace rc::exam
