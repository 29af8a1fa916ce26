// ISO 8601 times as the command line takes them (--time, --start, --end).
#include "fuzz_input.h"
#include "twin/base/iso_time.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const twin::IsoTimeParse parsed = twin::parseIsoTime(fuzz::text(data, size));
  if (parsed.instant) {
    twin::formatIsoTime(static_cast<int64_t>(parsed.instant->unix_time),
                        parsed.instant->utc_offset);
  }
  return 0;
}
