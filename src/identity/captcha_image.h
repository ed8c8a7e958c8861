#pragma once
// Draws a captcha answer as a PNG with cairo: a pale background, each character in a dark
// colour with a slight random rotation and offset, and random noise lines over and under the
// text. All randomness comes from the given source, so one seed gives one image.
//
// Thread safety: a free function; cairo's image surfaces are private to each call.

#include <string>
#include <string_view>

#include "domain/common/random.h"

namespace rc::identity {

inline constexpr int kCaptchaWidth = 120;
inline constexpr int kCaptchaHeight = 40;

// The PNG bytes. REQUIRES: text is 1-6 ASCII characters.
std::string render_captcha_png(std::string_view text, RandomSource& random);

}  // namespace rc::identity
