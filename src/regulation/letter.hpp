#pragma once
// The written reprimand (surat teguran) as a PDF, drawn with the shared PDF kit (src/pdf). Its
// SHA-256 is signed by the caller with the instance key, so a third party can verify the letter
// they received.
#include <string>
#include <vector>

#include "regulation/model.hpp"
#include "tenancy/profile.hpp"

namespace simpul::regulation {

struct LetterInput {
  const tenancy::Profile& profile;
  const Finding& finding;
  const Sanction& sanction;       // the step being issued
  std::vector<Sanction> earlier;  // steps given before (the oral warning)
};

/// PDF bytes. Names print as written, in any script the embedded DejaVu Sans covers; the head of
/// region and the government carry the official titles of the profile ("Wali Kota Balikpapan").
std::string reprimand_letter(const LetterInput& in);

/// Who signs the letter: the sanctions' imposer with the region as the regulation titles it
/// ("Wali Kota Balikpapan", not "Wali Kota Kota Balikpapan").
std::string letter_signatory(const tenancy::Profile& p);

}  // namespace simpul::regulation
