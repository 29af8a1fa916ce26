// A progress bar on standard error, drawn only when it is a terminal.
#pragma once

#include <string>

namespace twin::cli {

class ProgressBar {
 public:
  explicit ProgressBar(std::string label);
  ~ProgressBar();
  void update(long done, long total);

 private:
  std::string label_;
  bool enabled_;
  int last_percent_ = -1;
};

}  // namespace twin::cli
