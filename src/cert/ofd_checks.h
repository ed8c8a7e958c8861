#pragma once
// The stages of verify_certificate_ofd (ofd_verification.h), one file each. Each returns the first
// failure found, naming the package file at fault and the check.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cert/ofd_package.h"
#include "cert/sm2.h"

namespace rc::cert {

struct CheckFailure {
  std::string file;
  std::string check;
  Error error;
};

// What OFD.xml says: the document root, the signature list and the CustomDatas.
struct OfdRoot {
  std::string doc_root;    // resolved package path
  std::string signatures;  // resolved package path, "" when unsigned
  std::map<std::string, std::string> fields;
};

using Checked = std::optional<CheckFailure>;

Checked read_ofd_root(const OfdPackage& package, OfdRoot* out);

// §7.1-2: references resolve, IDs, MaxUnitID, fonts, resources, DeltaX.
Checked check_structure(const OfdPackage& package, const OfdRoot& root);

struct SignatureCheck {
  bool trusted = false;          // a trusted key verified the signature and every digest matched
  std::string signer_fingerprint;
  Checked failure;
  bool no_keys = false;          // no trusted key was given: the signature could not be judged
};

// §7.3: digests, SM2 signature, coverage of every file outside the signature's directory.
SignatureCheck check_signature(const OfdPackage& package, const OfdRoot& root, const std::vector<Sm2PublicKey>& trusted);

}  // namespace rc::cert
