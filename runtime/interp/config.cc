// The interpreter's configuration (config.h): the environment variables and
// -X options, read with CPython's rules (Python/initconfig.c's behaviour).
#include "runtime/interp/config.h"

#include <clocale>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace tern {

namespace {

// CPython's _Py_get_env_flag: an integer variable raises the flag to its
// value; text or a negative number counts as 1; "0" leaves it.
void raiseFlagFromEnv(const Config& c, const char* name, int* flag) {
  const char* v = c.env(name);
  if (v == nullptr) return;
  char* end = nullptr;
  long value = std::strtol(v, &end, 10);
  if (*end != '\0' || end == v || value < 0 || value > 1000000) value = 1;
  if (*flag < value) *flag = static_cast<int>(value);
}

void setFromEnv(const Config& c, const char* name, bool* flag) {
  int value = *flag ? 1 : 0;
  raiseFlagFromEnv(c, name, &value);
  *flag = value != 0;
}

// A limit for int<->str conversions: 0 or at least 640; -1 when `text` is not one.
int parseMaxStrDigits(const std::string& text) {
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) return -1;
  int n = std::atoi(text.c_str());
  return n == 0 || n >= 640 ? n : -1;
}

// UTF-8 mode by default where the LC_CTYPE locale is C or POSIX (PEP 540).
// As CPython, the process keeps the LC_CTYPE locale the environment asks for.
int localeUtf8Mode() {
  const char* name = std::setlocale(LC_CTYPE, "");
  if (name == nullptr) name = std::setlocale(LC_CTYPE, nullptr);
  return name != nullptr && (std::strcmp(name, "C") == 0 || std::strcmp(name, "POSIX") == 0) ? 1 : 0;
}

}  // namespace

const char* Config::env(const char* name) const {
  if (ignore_environment) return nullptr;
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? v : nullptr;
}

bool Config::hasXOption(const std::string& name) const {
  for (const XOption& x : xoptions) {
    if (x.name == name) return true;
  }
  return false;
}

const std::string* Config::xoptionValue(const std::string& name) const {
  const std::string* value = nullptr;
  for (const XOption& x : xoptions) {
    if (x.name == name) value = x.has_value ? &x.value : nullptr;  // the last one counts
  }
  return value;
}

std::string Config::applyEnvironmentAndXOptions() {
  raiseFlagFromEnv(*this, "PYTHONDEBUG", &debug);
  raiseFlagFromEnv(*this, "PYTHONVERBOSE", &verbose);
  raiseFlagFromEnv(*this, "PYTHONOPTIMIZE", &optimize);
  raiseFlagFromEnv(*this, "PYTHONINSPECT", &inspect);
  setFromEnv(*this, "PYTHONDONTWRITEBYTECODE", &dont_write_bytecode);
  setFromEnv(*this, "PYTHONNOUSERSITE", &no_user_site);
  setFromEnv(*this, "PYTHONUNBUFFERED", &unbuffered);
  if (env("PYTHONSAFEPATH") != nullptr) safe_path = true;
  if (const char* v = env("PYTHONIOENCODING")) {
    // An embedder's Py_SetStandardStreamEncoding comes first, as in CPython.
    std::string_view io(v);
    size_t colon = io.find(':');
    if (stdio_encoding.empty()) stdio_encoding = io.substr(0, colon);
    if (stdio_errors.empty() && colon != std::string_view::npos) stdio_errors = io.substr(colon + 1);
  }
  if (env("PYTHONDEVMODE") != nullptr || hasXOption("dev")) dev_mode = true;
  if (env("PYTHONWARNDEFAULTENCODING") != nullptr || hasXOption("warn_default_encoding")) {
    warn_default_encoding = true;
  }

  utf8_mode = -1;
  if (hasXOption("utf8")) {
    const std::string* v = xoptionValue("utf8");
    if (v == nullptr || *v == "1") {
      utf8_mode = 1;
    } else if (*v == "0") {
      utf8_mode = 0;
    } else {
      return "preconfig_init_utf8_mode: invalid -X utf8 option value";
    }
  } else if (const char* v = env("PYTHONUTF8")) {
    if (std::strcmp(v, "1") == 0) {
      utf8_mode = 1;
    } else if (std::strcmp(v, "0") == 0) {
      utf8_mode = 0;
    } else {
      return "preconfig_init_utf8_mode: invalid PYTHONUTF8 environment variable value";
    }
  }
  int from_locale = localeUtf8Mode();  // sets LC_CTYPE, whatever decides the mode
  if (utf8_mode < 0) utf8_mode = from_locale;

  if (hasXOption("int_max_str_digits")) {
    const std::string* v = xoptionValue("int_max_str_digits");
    int n = v == nullptr ? -1 : parseMaxStrDigits(*v);
    if (n < 0) return "config_init_int_max_str_digits: -X int_max_str_digits: invalid limit; must be >= 640 or 0 for unlimited.";
    int_max_str_digits = n;
  } else if (const char* v = env("PYTHONINTMAXSTRDIGITS")) {
    int n = parseMaxStrDigits(v);
    if (n < 0) return "config_init_int_max_str_digits: PYTHONINTMAXSTRDIGITS: invalid limit; must be >= 640 or 0 for unlimited.";
    int_max_str_digits = n;
  }
  return "";
}

void Config::finishWarnOptions(const std::vector<std::string>& command_line) {
  warnoptions.clear();
  if (dev_mode) warnoptions.push_back("default");
  if (const char* v = env("PYTHONWARNINGS")) {
    std::string all = v;
    size_t start = 0;
    while (start <= all.size()) {
      size_t comma = all.find(',', start);
      if (comma == std::string::npos) comma = all.size();
      if (comma > start) warnoptions.push_back(all.substr(start, comma - start));
      start = comma + 1;
    }
  }
  warnoptions.insert(warnoptions.end(), command_line.begin(), command_line.end());
  if (bytes_warning > 0) warnoptions.push_back(bytes_warning > 1 ? "error::BytesWarning" : "default::BytesWarning");
}

Config Config::fromEnvironment() {
  Config c;
  c.applyEnvironmentAndXOptions();  // without -X options nothing can be invalid but PYTHONUTF8/INTMAXSTRDIGITS
  c.finishWarnOptions({});
  return c;
}

Config& config() {
  static Config* c = new Config(Config::fromEnvironment());
  return *c;
}

}  // namespace tern
