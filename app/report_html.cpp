#include "app/report_html.h"

#include <openssl/evp.h>

#include <vector>

namespace twin {
extern const std::string_view kReportCss;
extern const std::string_view kReportJs;
extern const std::string_view kChartJs;
}  // namespace twin

namespace twin::cli {
namespace {

std::string htmlEscaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '&')
      out += "&amp;";
    else if (c == '"')
      out += "&quot;";
    else
      out += c;
  }
  return out;
}

// JSON that cannot end the script element it sits in: every '<' (only inside strings in JSON)
// written as \u003c.
std::string scriptSafeJson(const nlohmann::ordered_json& data) {
  const std::string json =
      data.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<')
      out += "\\u003c";
    else
      out += c;
  }
  return out;
}

}  // namespace

std::string reportHtml(const nlohmann::ordered_json& data, const std::string& title, bool zh) {
  std::string html = "<!doctype html>\n<html lang=\"";
  html += zh ? "zh-CN" : "en";
  html +=
      "\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  html += htmlEscaped(title);
  html += "</title>\n<style>\n";
  html += kReportCss;
  html += "</style>\n</head>\n<body>\n<div id=\"report\"></div>\n";
  html += "<script type=\"application/json\" id=\"parktwin-data\">";
  html += scriptSafeJson(data);
  html += "</script>\n<script>\n";
  html += kChartJs;
  html += "\n</script>\n<script>\n";
  html += kReportJs;
  html += "\n</script>\n</body>\n</html>\n";
  return html;
}

std::string dataUri(std::string_view bytes, const std::string& media_type) {
  std::vector<unsigned char> encoded(4 * ((bytes.size() + 2) / 3) + 1);
  const int n =
      EVP_EncodeBlock(encoded.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                      static_cast<int>(bytes.size()));
  return "data:" + media_type + ";base64," +
         std::string(reinterpret_cast<const char*>(encoded.data()), static_cast<size_t>(n));
}

}  // namespace twin::cli
