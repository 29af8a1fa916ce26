// The report page (docs/presenting.md): one self-contained HTML file that works offline. Its
// styles, Chart.js 3 (Debian's libjs-chart.js, inlined when parktwin is built) and the page's own
// script (assets/report/) are inlined, its images are data: URIs, and its numbers are embedded as
// JSON in <script type="application/json" id="parktwin-data">, which the script draws from.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace twin::cli {

// The page for `data` (report_data.h), titled `title`.
std::string reportHtml(const nlohmann::ordered_json& data, const std::string& title, bool zh);

// Bytes as a data: URI of the given media type, base64-encoded (OpenSSL).
std::string dataUri(std::string_view bytes, const std::string& media_type);

}  // namespace twin::cli
