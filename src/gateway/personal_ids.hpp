#pragma once
// Personal identifiers in request paths (issue 20 item 17). A logged path such as
// /penduduk/3171012345670001 holds a NIK, personal data under UU 27/2022: views, exports and the
// system log show it masked unless a service turns masking off or a permitted user reveals it.
#include <string>
#include <string_view>

namespace simpul::gateway {

/// True when `path` holds a digit run shaped like an Indonesian personal identifier: 16 digits
/// (NIK, nomor KK), 18 digits (NIP), or a mobile number (08…, 10-13 digits; 628…/+628…, 11-14).
bool has_personal_ids(std::string_view path);

/// `path` with each such run replaced by asterisks except its last four digits (the '+' of an
/// international number is kept), so a reader sees that and where an identifier was, not which.
std::string mask_personal_ids(std::string_view path);

}  // namespace simpul::gateway
