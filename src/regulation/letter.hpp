#pragma once
// The written reprimand (surat teguran) as a PDF, produced with libharu. Its SHA-256 is signed
// by the caller with the instance key, so a third party can verify the letter they received.
#include <string>
#include <vector>

#include "regulation/model.hpp"
#include "tenancy/profile.hpp"

namespace simpul::regulation {

struct LetterInput {
  const tenancy::Profile& profile;
  const Finding& finding;
  const Sanction& sanction;            // the step being issued
  std::vector<Sanction> earlier;       // steps given before (the oral warning)
};

/// PDF bytes; text is limited to what the standard fonts can show (non-ASCII becomes '?').
std::string reprimand_letter(const LetterInput& in);

}  // namespace simpul::regulation
