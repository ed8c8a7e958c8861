#pragma once
// ZipArchive: read-only access to a zip held in memory (an uploaded .xlsx), with the zip-bomb
// guards of ReadLimits: the file size, the number of entries, the declared and the actually
// inflated size of what is read (never trusting the headers), and the per-entry compression ratio.
// Internal to rc_sheet. Not thread-safe; the bytes must outlive the archive.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "domain/common/result.h"
#include "sheet/table.h"

namespace rc::sheet {

class ZipArchive {
 public:
  // kSheetUnreadable for anything libzip cannot open; kSheetTooLarge past the limits.
  [[nodiscard]] static Result<ZipArchive> open(std::string_view bytes, const ReadLimits& limits);

  ZipArchive(ZipArchive&&) noexcept;
  ZipArchive& operator=(ZipArchive&&) noexcept;
  ~ZipArchive();

  bool contains(std::string_view name) const;
  // The inflated entry; nullopt-like kNotFound error when absent. Counts against the total budget.
  [[nodiscard]] Result<std::string> read(std::string_view name);

 private:
  struct State;
  explicit ZipArchive(std::unique_ptr<State> s);
  std::unique_ptr<State> state_;
};

}  // namespace rc::sheet
