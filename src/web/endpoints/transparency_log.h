#pragma once
// The transparency log's read API (issue 4), open to anyone, JSON, hashes and signatures as
// lowercase hex, times in milliseconds since the epoch (app/transparency/log_json.h):
//   GET /api/v1/log/tree-head                          latest signed head; signs one if the log grew
//   GET /api/v1/log/tree-heads?start=SIZE              signed heads of size >= SIZE, up to 1000
//   GET /api/v1/log/entries?start=I&end=J              entries I..J inclusive (RFC 6962 get-entries),
//                                                      at most 1000, clipped to the log's size
//   GET /api/v1/log/certificates/NUMBER                the entries about one certificate (issuance,
//                                                      revocation) and the log's size; 404 if none
//   GET /api/v1/log/proof/inclusion?leaf_index=I&tree_size=N   audit path of leaf I in tree N
//   GET /api/v1/log/proof/consistency?first=M&second=N         consistency proof M -> N
//   GET /api/v1/log/public-key                         the SM2 key that signs heads (PEM)
// A missing or malformed parameter, or one outside the log, gets 422 with the code and a Chinese
// message; reading never changes anything but signing a new head.

#include "app/platform.h"
#include "web/routes.h"

namespace rc::web {
void add_transparency_log(Routes& routes, app::Platform& platform);
}
