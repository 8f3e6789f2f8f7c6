#include "app/demo_upstream.hpp"

#include <boost/json.hpp>

#include "http/json_io.hpp"

namespace simpul::app {
namespace {

using http::Request;

/// Digits only, as NIK (16) and NIB (13) are; anything else is the caller's mistake.
bool all_digits(const std::string& s, std::size_t length) {
  return s.size() == length && s.find_first_not_of("0123456789") == std::string::npos;
}

http::Response not_found(const char* what) { return http::json_response(404, boost::json::object{{"error", what}}); }

}  // namespace

void register_demo_upstream(http::Router& router) {
  const std::string base = kDemoUpstreamPath;
  for (const char* system : {"kependudukan", "perizinan"})
    router.add(
        "GET", base + "/" + system + "/health",
        [](Request&) {
          return http::json_response(200, boost::json::object{{"status", "ok"}});
        },
        http::Access::Public);

  router.add(
      "GET", base + "/kependudukan/penduduk/{nik}",
      [](Request& req) {
        const auto& nik = req.param("nik");
        if (!all_digits(nik, 16)) return not_found("NIK harus 16 angka");
        // Deterministic from the NIK, so the same request always gets the same answer (and digest).
        const unsigned n = static_cast<unsigned>(std::stoull(nik.substr(10)) % 97);
        static const char* names[] = {"Siti Rahmawati", "Budi Santoso", "Andi Pratama", "Dewi Lestari", "Rudi Hartono"};
        static const char* districts[] = {"Balikpapan Kota", "Balikpapan Selatan", "Balikpapan Utara",
                                          "Balikpapan Timur"};
        return http::json_response(
            200, boost::json::object{{"nik", nik},
                                     {"nama", names[n % 5]},
                                     {"kecamatan", districts[n % 4]},
                                     {"status_perkawinan", n % 2 ? "KAWIN" : "BELUM KAWIN"},
                                     {"catatan", "Data contoh untuk demo Simpul, bukan data penduduk."}});
      },
      http::Access::Public);

  router.add(
      "GET", base + "/perizinan/izin/{nib}",
      [](Request& req) {
        const auto& nib = req.param("nib");
        if (!all_digits(nib, 13)) return not_found("NIB harus 13 angka");
        return http::json_response(200, boost::json::object{{"nib", nib},
                                                            {"status", "aktif"},
                                                            {"jenis", "Perizinan Berusaha Berbasis Risiko"},
                                                            {"catatan", "Data contoh untuk demo Simpul."}});
      },
      http::Access::Public);
}

}  // namespace simpul::app
