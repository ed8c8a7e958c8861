#pragma once
// The visible seal drawn on a certificate: a transparent PNG of a round red seal with the issuing
// body's name around the rim, a star and "演示印章" (demo seal) across the middle. It is only a picture:
// the file's authenticity rests on the SM2 signature, and a real seal needs a licensed seal system
// (spec/OFD.md §3.3 C), hence the demo marking.
//
// Thread safety: seal_png is safe to call from several threads; each issuing body's image is drawn
// once and then shared (issuance makes thousands of certificates with the same seal).

#include <memory>
#include <string>
#include <string_view>

#include "cert/zip_package.h"

namespace rc::cert {

struct SealImage {
  std::string png;
  std::string sm3_base64;  // digest for the signature's Reference, computed once with the image
  PackedEntry packed;      // the ZIP entry's bytes and CRC, also computed once
};

// REQUIRES: cairo and pango work (fonts installed); otherwise the image lacks its text.
std::shared_ptr<const SealImage> seal_png(std::string_view issuing_body);

// Draws a grey head-and-shoulders silhouette on white, 250x350 px: the photo of fictitious demo
// candidates (never a real face).
std::string demo_photo_png();

}  // namespace rc::cert
