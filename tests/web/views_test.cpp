#include "web/views.h"

#include <gtest/gtest.h>

namespace rc::web {
namespace {

TEST(Views, LayoutShowsTheErrorAndEscapesData) {
  auto views = Views::embedded();
  ASSERT_TRUE(views) << views.error().message;
  const auto html = views->page("error", {{"title", "t"}, {"error", "<script>坏</script>"}, {"message", "原因"}});
  EXPECT_NE(html.find("&lt;script&gt;坏&lt;/script&gt;"), std::string::npos) << html;
  EXPECT_EQ(html.find("<script>坏"), std::string::npos);
  EXPECT_NE(html.find("原因"), std::string::npos);
}

}  // namespace
}  // namespace rc::web
