// Source decoding; see source_encoding.h.
#include "runtime/compiler/source_encoding.h"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>

namespace tern::compiler {

namespace {

// How a Python codec is decoded here.
enum class CodecKind : uint8_t {
  Utf8,
  Latin1,
  Ascii,
  SingleByte,   // iconv; Python's charmap codec names itself 'charmap' in errors
  MultiByte,    // iconv; errors name the codec
  NotText,      // bytes-to-bytes or str-to-str (base64, rot13): never a source encoding
  Unsupported,  // a Python text codec glibc has no equivalent for
};

struct Codec {
  std::string_view module;  // encodings.<module>
  std::string_view iconv;   // glibc's name
  CodecKind kind;
  std::string_view error_name;  // as UnicodeDecodeError.encoding shows it
  std::string_view aliases;     // encodings.aliases entries, space-separated
};

// Python 3.11's codecs and their aliases (encodings/aliases.py as the
// interpreter reports it; mixed-case entries, which lookup never reaches,
// left out).  iconv names were checked byte by byte against Python's tables:
// the single-byte codecs agree except for a handful of characters in cp1026,
// cp273, cp424, cp856, cp875, mac_cyrillic, mac_iceland, mac_roman and
// tis_620; the CJK codecs agree on their common repertoire.
// clang-format off
constexpr std::array kCodecs = {
    Codec{.module = "ascii", .iconv = "", .kind = CodecKind::Ascii, .error_name = "ascii", .aliases = "646 ansi_x3.4_1968 ansi_x3.4_1986 ansi_x3_4_1968 cp367 csascii ibm367 iso646_us iso_646.irv_1991 iso_ir_6 us us_ascii"},
    Codec{.module = "base64_codec", .iconv = "", .kind = CodecKind::NotText, .error_name = "", .aliases = "base64 base_64"},
    Codec{.module = "big5", .iconv = "BIG5", .kind = CodecKind::MultiByte, .error_name = "big5", .aliases = "big5_tw csbig5 x_mac_trad_chinese"},
    Codec{.module = "big5hkscs", .iconv = "BIG5-HKSCS", .kind = CodecKind::MultiByte, .error_name = "big5hkscs", .aliases = "big5_hkscs hkscs"},
    Codec{.module = "bz2_codec", .iconv = "", .kind = CodecKind::NotText, .error_name = "", .aliases = "bz2"},
    Codec{.module = "cp037", .iconv = "IBM037", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "037 csibm037 ebcdic_cp_ca ebcdic_cp_nl ebcdic_cp_us ebcdic_cp_wt ibm037 ibm039"},
    Codec{.module = "cp1006", .iconv = "", .kind = CodecKind::Unsupported, .error_name = "", .aliases = ""},
    Codec{.module = "cp1026", .iconv = "IBM1026", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "1026 csibm1026 ibm1026"},
    Codec{.module = "cp1125", .iconv = "CP1125", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "1125 cp866u ibm1125 ruscii"},
    Codec{.module = "cp1140", .iconv = "IBM1140", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "1140 ibm1140"},
    Codec{.module = "cp1250", .iconv = "CP1250", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "1250 windows_1250"},
    Codec{.module = "cp1251", .iconv = "CP1251", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "1251 windows_1251"},
    Codec{.module = "cp1252", .iconv = "CP1252", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "1252 windows_1252"},
    Codec{.module = "cp1253", .iconv = "CP1253", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "1253 windows_1253"},
    Codec{.module = "cp1254", .iconv = "CP1254", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "1254 windows_1254"},
    Codec{.module = "cp1255", .iconv = "CP1255", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "1255 windows_1255"},
    Codec{.module = "cp1256", .iconv = "CP1256", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "1256 windows_1256"},
    Codec{.module = "cp1257", .iconv = "CP1257", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "1257 windows_1257"},
    Codec{.module = "cp1258", .iconv = "CP1258", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "1258 windows_1258"},
    Codec{.module = "cp273", .iconv = "IBM273", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "273 csibm273 ibm273"},
    Codec{.module = "cp424", .iconv = "IBM424", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "424 csibm424 ebcdic_cp_he ibm424"},
    Codec{.module = "cp437", .iconv = "IBM437", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "437 cspc8codepage437 ibm437"},
    Codec{.module = "cp500", .iconv = "IBM500", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "500 csibm500 ebcdic_cp_be ebcdic_cp_ch ibm500"},
    Codec{.module = "cp720", .iconv = "", .kind = CodecKind::Unsupported, .error_name = "", .aliases = ""},
    Codec{.module = "cp737", .iconv = "CP737", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = ""},
    Codec{.module = "cp775", .iconv = "CP775", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "775 cspc775baltic ibm775"},
    Codec{.module = "cp850", .iconv = "IBM850", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "850 cspc850multilingual ibm850"},
    Codec{.module = "cp852", .iconv = "IBM852", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "852 cspcp852 ibm852"},
    Codec{.module = "cp855", .iconv = "IBM855", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "855 csibm855 ibm855"},
    Codec{.module = "cp856", .iconv = "IBM856", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = ""},
    Codec{.module = "cp857", .iconv = "IBM857", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "857 csibm857 ibm857"},
    Codec{.module = "cp858", .iconv = "IBM858", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "858 csibm858 ibm858"},
    Codec{.module = "cp860", .iconv = "IBM860", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "860 csibm860 ibm860"},
    Codec{.module = "cp861", .iconv = "IBM861", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "861 cp_is csibm861 ibm861"},
    Codec{.module = "cp862", .iconv = "IBM862", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "862 cspc862latinhebrew ibm862"},
    Codec{.module = "cp863", .iconv = "IBM863", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "863 csibm863 ibm863"},
    Codec{.module = "cp864", .iconv = "IBM864", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "864 csibm864 ibm864"},
    Codec{.module = "cp865", .iconv = "IBM865", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "865 csibm865 ibm865"},
    Codec{.module = "cp866", .iconv = "IBM866", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "866 csibm866 ibm866"},
    Codec{.module = "cp869", .iconv = "IBM869", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "869 cp_gr csibm869 ibm869"},
    Codec{.module = "cp874", .iconv = "CP874", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = ""},
    Codec{.module = "cp875", .iconv = "IBM875", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = ""},
    Codec{.module = "cp932", .iconv = "CP932", .kind = CodecKind::MultiByte, .error_name = "cp932", .aliases = "932 ms932 ms_kanji mskanji"},
    Codec{.module = "cp949", .iconv = "CP949", .kind = CodecKind::MultiByte, .error_name = "cp949", .aliases = "949 ms949 uhc"},
    Codec{.module = "cp950", .iconv = "CP950", .kind = CodecKind::MultiByte, .error_name = "cp950", .aliases = "950 ms950"},
    Codec{.module = "euc_jis_2004", .iconv = "EUC-JISX0213", .kind = CodecKind::MultiByte, .error_name = "euc_jis_2004", .aliases = "euc_jis2004 eucjis2004 jisx0213"},
    Codec{.module = "euc_jisx0213", .iconv = "EUC-JISX0213", .kind = CodecKind::MultiByte, .error_name = "euc_jisx0213", .aliases = "eucjisx0213"},
    Codec{.module = "euc_jp", .iconv = "EUC-JP", .kind = CodecKind::MultiByte, .error_name = "euc_jp", .aliases = "eucjp u_jis ujis"},
    Codec{.module = "euc_kr", .iconv = "EUC-KR", .kind = CodecKind::MultiByte, .error_name = "euc_kr", .aliases = "euckr korean ks_c_5601 ks_c_5601_1987 ks_x_1001 ksc5601 ksx1001 x_mac_korean"},
    Codec{.module = "gb18030", .iconv = "GB18030", .kind = CodecKind::MultiByte, .error_name = "gb18030", .aliases = "gb18030_2000"},
    Codec{.module = "gb2312", .iconv = "EUC-CN", .kind = CodecKind::MultiByte, .error_name = "gb2312", .aliases = "chinese csiso58gb231280 euc_cn euccn eucgb2312_cn gb2312_1980 gb2312_80 iso_ir_58 x_mac_simp_chinese"},
    Codec{.module = "gbk", .iconv = "GBK", .kind = CodecKind::MultiByte, .error_name = "gbk", .aliases = "936 cp936 ms936"},
    Codec{.module = "hex_codec", .iconv = "", .kind = CodecKind::NotText, .error_name = "", .aliases = "hex"},
    Codec{.module = "hp_roman8", .iconv = "HP-ROMAN8", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "cp1051 ibm1051 r8 roman8"},
    Codec{.module = "hz", .iconv = "", .kind = CodecKind::Unsupported, .error_name = "", .aliases = "hz_gb hz_gb_2312 hzgb"},
    Codec{.module = "idna", .iconv = "", .kind = CodecKind::Unsupported, .error_name = "", .aliases = ""},
    Codec{.module = "iso2022_jp", .iconv = "ISO-2022-JP", .kind = CodecKind::MultiByte, .error_name = "iso2022_jp", .aliases = "csiso2022jp iso2022jp iso_2022_jp"},
    Codec{.module = "iso2022_jp_1", .iconv = "", .kind = CodecKind::Unsupported, .error_name = "", .aliases = "iso2022jp_1 iso_2022_jp_1"},
    Codec{.module = "iso2022_jp_2", .iconv = "ISO-2022-JP-2", .kind = CodecKind::MultiByte, .error_name = "iso2022_jp_2", .aliases = "iso2022jp_2 iso_2022_jp_2"},
    Codec{.module = "iso2022_jp_2004", .iconv = "ISO-2022-JP-3", .kind = CodecKind::MultiByte, .error_name = "iso2022_jp_2004", .aliases = "iso2022jp_2004 iso_2022_jp_2004"},
    Codec{.module = "iso2022_jp_3", .iconv = "ISO-2022-JP-3", .kind = CodecKind::MultiByte, .error_name = "iso2022_jp_3", .aliases = "iso2022jp_3 iso_2022_jp_3"},
    Codec{.module = "iso2022_jp_ext", .iconv = "", .kind = CodecKind::Unsupported, .error_name = "", .aliases = "iso2022jp_ext iso_2022_jp_ext"},
    Codec{.module = "iso2022_kr", .iconv = "ISO-2022-KR", .kind = CodecKind::MultiByte, .error_name = "iso2022_kr", .aliases = "csiso2022kr iso2022kr iso_2022_kr"},
    Codec{.module = "iso8859_1", .iconv = "", .kind = CodecKind::Latin1, .error_name = "latin-1", .aliases = ""},
    Codec{.module = "iso8859_10", .iconv = "ISO-8859-10", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "csisolatin6 iso_8859_10 iso_8859_10_1992 iso_ir_157 l6 latin6"},
    Codec{.module = "iso8859_11", .iconv = "ISO-8859-11", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "iso_8859_11 iso_8859_11_2001 thai"},
    Codec{.module = "iso8859_13", .iconv = "ISO-8859-13", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "iso_8859_13 l7 latin7"},
    Codec{.module = "iso8859_14", .iconv = "ISO-8859-14", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "iso_8859_14 iso_8859_14_1998 iso_celtic iso_ir_199 l8 latin8"},
    Codec{.module = "iso8859_15", .iconv = "ISO-8859-15", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "iso_8859_15 l9 latin9"},
    Codec{.module = "iso8859_16", .iconv = "ISO-8859-16", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "iso_8859_16 iso_8859_16_2001 iso_ir_226 l10 latin10"},
    Codec{.module = "iso8859_2", .iconv = "ISO-8859-2", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "csisolatin2 iso_8859_2 iso_8859_2_1987 iso_ir_101 l2 latin2"},
    Codec{.module = "iso8859_3", .iconv = "ISO-8859-3", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "csisolatin3 iso_8859_3 iso_8859_3_1988 iso_ir_109 l3 latin3"},
    Codec{.module = "iso8859_4", .iconv = "ISO-8859-4", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "csisolatin4 iso_8859_4 iso_8859_4_1988 iso_ir_110 l4 latin4"},
    Codec{.module = "iso8859_5", .iconv = "ISO-8859-5", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "csisolatincyrillic cyrillic iso_8859_5 iso_8859_5_1988 iso_ir_144"},
    Codec{.module = "iso8859_6", .iconv = "ISO-8859-6", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "arabic asmo_708 csisolatinarabic ecma_114 iso_8859_6 iso_8859_6_1987 iso_ir_127"},
    Codec{.module = "iso8859_7", .iconv = "ISO-8859-7", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "csisolatingreek ecma_118 elot_928 greek greek8 iso_8859_7 iso_8859_7_1987 iso_ir_126"},
    Codec{.module = "iso8859_8", .iconv = "ISO-8859-8", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "csisolatinhebrew hebrew iso_8859_8 iso_8859_8_1988 iso_ir_138"},
    Codec{.module = "iso8859_9", .iconv = "ISO-8859-9", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "csisolatin5 iso_8859_9 iso_8859_9_1989 iso_ir_148 l5 latin5"},
    Codec{.module = "johab", .iconv = "JOHAB", .kind = CodecKind::MultiByte, .error_name = "johab", .aliases = "cp1361 ms1361"},
    Codec{.module = "koi8_r", .iconv = "KOI8-R", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "cskoi8r"},
    Codec{.module = "koi8_t", .iconv = "KOI8-T", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = ""},
    Codec{.module = "koi8_u", .iconv = "KOI8-U", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = ""},
    Codec{.module = "kz1048", .iconv = "RK1048", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "kz_1048 rk1048 strk1048_2002"},
    Codec{.module = "latin_1", .iconv = "", .kind = CodecKind::Latin1, .error_name = "latin-1", .aliases = "8859 cp819 csisolatin1 ibm819 iso8859 iso8859_1 iso_8859_1 iso_8859_1_1987 iso_ir_100 l1 latin latin1"},
    Codec{.module = "mac_arabic", .iconv = "", .kind = CodecKind::Unsupported, .error_name = "", .aliases = ""},
    Codec{.module = "mac_croatian", .iconv = "", .kind = CodecKind::Unsupported, .error_name = "", .aliases = ""},
    Codec{.module = "mac_cyrillic", .iconv = "MAC-CYRILLIC", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "maccyrillic"},
    Codec{.module = "mac_farsi", .iconv = "", .kind = CodecKind::Unsupported, .error_name = "", .aliases = ""},
    Codec{.module = "mac_greek", .iconv = "", .kind = CodecKind::Unsupported, .error_name = "", .aliases = "macgreek"},
    Codec{.module = "mac_iceland", .iconv = "MAC-IS", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "maciceland"},
    Codec{.module = "mac_latin2", .iconv = "MAC-CENTRALEUROPE", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "mac_centeuro maccentraleurope maclatin2"},
    Codec{.module = "mac_roman", .iconv = "MACINTOSH", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "macintosh macroman"},
    Codec{.module = "mac_romanian", .iconv = "", .kind = CodecKind::Unsupported, .error_name = "", .aliases = ""},
    Codec{.module = "mac_turkish", .iconv = "", .kind = CodecKind::Unsupported, .error_name = "", .aliases = "macturkish"},
    Codec{.module = "palmos", .iconv = "", .kind = CodecKind::Unsupported, .error_name = "", .aliases = ""},
    Codec{.module = "ptcp154", .iconv = "PT154", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "cp154 csptcp154 cyrillic_asian pt154"},
    Codec{.module = "punycode", .iconv = "", .kind = CodecKind::Unsupported, .error_name = "", .aliases = ""},
    Codec{.module = "quopri_codec", .iconv = "", .kind = CodecKind::NotText, .error_name = "", .aliases = "quopri quoted_printable quotedprintable"},
    Codec{.module = "raw_unicode_escape", .iconv = "", .kind = CodecKind::Unsupported, .error_name = "", .aliases = ""},
    Codec{.module = "rot_13", .iconv = "", .kind = CodecKind::NotText, .error_name = "", .aliases = "rot13"},
    Codec{.module = "shift_jis", .iconv = "SJIS", .kind = CodecKind::MultiByte, .error_name = "shift_jis", .aliases = "csshiftjis s_jis shiftjis sjis x_mac_japanese"},
    Codec{.module = "shift_jis_2004", .iconv = "SHIFT_JISX0213", .kind = CodecKind::MultiByte, .error_name = "shift_jis_2004", .aliases = "s_jis_2004 shiftjis2004 sjis_2004"},
    Codec{.module = "shift_jisx0213", .iconv = "SHIFT_JISX0213", .kind = CodecKind::MultiByte, .error_name = "shift_jisx0213", .aliases = "s_jisx0213 shiftjisx0213 sjisx0213"},
    Codec{.module = "tis_620", .iconv = "TIS-620", .kind = CodecKind::SingleByte, .error_name = "charmap", .aliases = "iso_ir_166 tis620 tis_620_0 tis_620_2529_0 tis_620_2529_1"},
    Codec{.module = "undefined", .iconv = "", .kind = CodecKind::Unsupported, .error_name = "", .aliases = ""},
    Codec{.module = "unicode_escape", .iconv = "", .kind = CodecKind::Unsupported, .error_name = "", .aliases = ""},
    Codec{.module = "utf_16", .iconv = "", .kind = CodecKind::Unsupported, .error_name = "", .aliases = "u16 utf16"},
    Codec{.module = "utf_16_be", .iconv = "UTF-16BE", .kind = CodecKind::MultiByte, .error_name = "utf-16-be", .aliases = "unicodebigunmarked utf_16be"},
    Codec{.module = "utf_16_le", .iconv = "UTF-16LE", .kind = CodecKind::MultiByte, .error_name = "utf-16-le", .aliases = "unicodelittleunmarked utf_16le"},
    Codec{.module = "utf_32", .iconv = "", .kind = CodecKind::Unsupported, .error_name = "", .aliases = "u32 utf32"},
    Codec{.module = "utf_32_be", .iconv = "UTF-32BE", .kind = CodecKind::MultiByte, .error_name = "utf-32-be", .aliases = "utf_32be"},
    Codec{.module = "utf_32_le", .iconv = "UTF-32LE", .kind = CodecKind::MultiByte, .error_name = "utf-32-le", .aliases = "utf_32le"},
    Codec{.module = "utf_7", .iconv = "UTF-7", .kind = CodecKind::MultiByte, .error_name = "utf7", .aliases = "u7 unicode_1_1_utf_7 utf7"},
    Codec{.module = "utf_8", .iconv = "", .kind = CodecKind::Utf8, .error_name = "utf-8", .aliases = "cp65001 u8 utf utf8 utf8_ucs2 utf8_ucs4"},
    Codec{.module = "utf_8_sig", .iconv = "", .kind = CodecKind::Utf8, .error_name = "utf-8", .aliases = ""},
    Codec{.module = "uu_codec", .iconv = "", .kind = CodecKind::NotText, .error_name = "", .aliases = "uu"},
    Codec{.module = "zlib_codec", .iconv = "", .kind = CodecKind::NotText, .error_name = "", .aliases = "zip zlib"},
};
// clang-format on

const Codec* find_module(std::string_view module) {
  for (const Codec& c : kCodecs) {
    if (c.module == module) return &c;
  }
  return nullptr;
}

const Codec* find_alias(std::string_view alias) {
  for (const Codec& c : kCodecs) {
    std::string_view rest = c.aliases;
    while (!rest.empty()) {
      size_t space = rest.find(' ');
      if (rest.substr(0, space) == alias) return &c;
      rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    }
  }
  return nullptr;
}

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Python's encodings.normalize_encoding after codecs.lookup's lower-casing:
// every run of characters other than ASCII letters, digits and '.' becomes
// one '_', dropped at either end.
std::string normalize_codec_name(std::string_view name) {
  std::string out;
  bool punct = false;
  for (char c : name) {
    if (is_ascii_alnum(c) || c == '.') {
      if (punct && !out.empty()) out.push_back('_');
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      punct = false;
    } else {
      punct = true;
    }
  }
  return out;
}

const Codec* lookup_codec(std::string_view name) {
  std::string norm = normalize_codec_name(name);
  // As encodings.search_function: the aliases, then the aliases with '.'
  // read as '_', then a module of that name (so "iso8859.1" is found, and
  // "latin.1" is not).
  if (const Codec* c = find_alias(norm)) return c;
  std::string dotless = norm;
  std::replace(dotless.begin(), dotless.end(), '.', '_');
  if (const Codec* c = find_alias(dotless)) return c;
  return find_module(norm);
}

struct DecodeFailure {
  std::string message;
  int line;
};

// The first physical line starting at `from` (including its '\n').
std::string_view line_at(std::string_view s, size_t from) {
  size_t nl = s.find('\n', from);
  return s.substr(from, nl == std::string_view::npos ? std::string_view::npos : nl - from + 1);
}

bool is_cookie_name_char(char c) { return is_ascii_alnum(c) || c == '_' || c == '-' || c == '.'; }

// PEP 263: `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`, ASCII only.
std::optional<std::string> find_cookie(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) i++;
  if (i >= line.size() || line[i] != '#') return std::nullopt;
  for (size_t k = line.find("coding", i); k != std::string_view::npos; k = line.find("coding", k + 1)) {
    size_t j = k + 6;
    if (j >= line.size() || (line[j] != ':' && line[j] != '=')) continue;
    j++;
    while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) j++;
    size_t name_start = j;
    while (j < line.size() && is_cookie_name_char(line[j])) j++;
    if (j > name_start) return std::string(line.substr(name_start, j - name_start));
  }
  return std::nullopt;
}

// A line `tokenize` skips when looking for the cookie on line 2.
bool is_blank_or_comment(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) i++;
  return i == line.size() || line[i] == '#' || line[i] == '\r' || line[i] == '\n';
}

// The tokenizer's spelling of an encoding name (the ENCODING token, the
// name looked up, the BOM message): utf-8 and latin-1 variants are folded,
// anything else is kept as written.
std::string normal_encoding_name(const std::string& name) {
  std::string enc;
  for (size_t i = 0; i < name.size() && i < 12; i++) {
    char c = name[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    enc.push_back(c == '_' ? '-' : c);
  }
  if (enc == "utf-8" || enc.starts_with("utf-8-")) return "utf-8";
  for (std::string_view latin : {"latin-1", "iso-8859-1", "iso-latin-1"}) {
    if (enc == latin || enc.starts_with(std::string(latin) + "-")) return "iso-8859-1";
  }
  return name;
}

// The buffer CPython decodes a source with a cookie in: "\r\n" and a lone
// "\r" read as "\n", and a '\n' added at the end if missing (compile()'s
// exec input), so that error positions come out as its do.
std::string translated_newlines(std::string_view raw) {
  std::string out;
  out.reserve(raw.size() + 1);
  for (size_t i = 0; i < raw.size(); i++) {
    if (raw[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < raw.size() && raw[i + 1] == '\n') i++;
    } else {
      out.push_back(raw[i]);
    }
  }
  if (out.empty() || out.back() != '\n') out.push_back('\n');
  return out;
}

// Where byte `pos` of the raw source is in translated_newlines(raw).
size_t translated_position(std::string_view raw, size_t pos) {
  size_t crlf = 0;
  for (size_t i = 0; i + 1 < pos; i++) crlf += raw[i] == '\r' && raw[i + 1] == '\n';
  return pos - crlf;
}

std::string byte_hex(unsigned char b) {
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02x", b);
  return hex;
}

// "'NAME' codec can't decode byte 0xNN in position P: REASON", line 0: as
// compile() reports a failure of the whole-buffer decode.
DecodeFailure codec_failure(std::string_view codec, std::string_view raw, size_t pos, std::string_view reason) {
  return DecodeFailure{.message = "'" + std::string(codec) + "' codec can't decode byte " +
                                  byte_hex(static_cast<unsigned char>(raw[pos])) + " in position " +
                                  std::to_string(translated_position(raw, pos)) + ": " + std::string(reason),
                       .line = 0};
}

std::optional<DecodeFailure> decode_with_iconv(const Codec& codec, std::string_view raw, std::string& out) {
  iconv_t cd = iconv_open("UTF-8", std::string(codec.iconv).c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return DecodeFailure{.message = "encoding '" + std::string(codec.module) + "' is not available (iconv has no " +
                                    std::string(codec.iconv) + ")",
                         .line = 0};
  }
  std::optional<DecodeFailure> failure;
  char* in = const_cast<char*>(raw.data());
  size_t in_left = raw.size();
  std::string buf(4096, '\0');
  for (;;) {
    char* o = buf.data();
    size_t o_left = buf.size();
    size_t r = in_left > 0 ? iconv(cd, &in, &in_left, &o, &o_left) : iconv(cd, nullptr, nullptr, &o, &o_left);
    int err = errno;
    out.append(buf.data(), buf.size() - o_left);
    if (r != static_cast<size_t>(-1)) {
      if (in_left == 0) break;
      continue;
    }
    if (err == E2BIG) continue;
    size_t pos = raw.size() - in_left;
    bool charmap = codec.kind == CodecKind::SingleByte;
    std::string_view reason = charmap         ? "character maps to <undefined>"
                              : err == EINVAL ? "incomplete multibyte sequence"
                                              : "illegal multibyte sequence";
    failure = codec_failure(codec.error_name, raw, pos, reason);
    break;
  }
  iconv_close(cd);
  return failure;
}

std::optional<DecodeFailure> decode(std::string_view raw, const std::optional<std::string>& cookie, bool bom,
                                    DecodedSource& out) {
  const Codec* codec = nullptr;
  out.encoding = "utf-8";
  if (cookie) {
    std::string name = normal_encoding_name(*cookie);
    if (bom && name != "utf-8") return DecodeFailure{.message = "encoding problem: " + name + " with BOM", .line = 0};
    codec = lookup_codec(name);
    if (codec == nullptr) return DecodeFailure{.message = "unknown encoding: " + name, .line = 0};
    if (codec->kind == CodecKind::NotText) {
      return DecodeFailure{
          .message = "'" + name + "' is not a text encoding; use codecs.decode() to handle arbitrary codecs",
          .line = 0};
    }
    if (codec->kind == CodecKind::Unsupported) {
      return DecodeFailure{.message = "encoding '" + name + "' is not supported by Tern", .line = 0};
    }
    out.encoding = name;
  }
  auto line_of = [&](size_t offset) {
    return static_cast<int>(std::count(raw.begin(), raw.begin() + static_cast<ptrdiff_t>(offset), '\n')) + 1;
  };
  if (raw.find('\0') != std::string_view::npos) {
    return DecodeFailure{.message = "source code cannot contain null bytes", .line = line_of(raw.find('\0'))};
  }
  switch (codec == nullptr ? CodecKind::Utf8 : codec->kind) {
    case CodecKind::Utf8:
      // Spelt "utf-8" (or with a BOM, or no cookie at all), the source is
      // read as it is and checked where CPython checks it (see the header);
      // any other alias sends it through the codec, which checks it all.
      if (out.encoding != "utf-8") {
        std::string error = utf8_decode_error(translated_newlines(raw));
        if (!error.empty()) return DecodeFailure{.message = error, .line = 0};
      }
      out.text.assign(raw);
      break;
    case CodecKind::Ascii:
      for (size_t i = 0; i < raw.size(); i++) {
        if (static_cast<unsigned char>(raw[i]) >= 0x80)
          return codec_failure("ascii", raw, i, "ordinal not in range(128)");
      }
      out.text.assign(raw);
      break;
    case CodecKind::Latin1:
      out.text.reserve(raw.size());
      for (char ch : raw) {
        auto b = static_cast<unsigned char>(ch);
        if (b < 0x80) {
          out.text.push_back(ch);
        } else {
          out.text.push_back(static_cast<char>(0xC0 | (b >> 6)));
          out.text.push_back(static_cast<char>(0x80 | (b & 0x3F)));
        }
      }
      break;
    case CodecKind::SingleByte:
    case CodecKind::MultiByte:
      if (auto failure = decode_with_iconv(*codec, raw, out.text)) return failure;
      if (out.text.find('\0') != std::string::npos) {
        return DecodeFailure{.message = "source code cannot contain null bytes", .line = 0};
      }
      break;
    case CodecKind::NotText:
    case CodecKind::Unsupported:
      break;  // rejected above
  }
  return std::nullopt;
}

}  // namespace

Utf8Char next_utf8_char(std::string_view s, size_t i) {
  constexpr std::string_view kInvalidStart = "invalid start byte";
  constexpr std::string_view kInvalidContinuation = "invalid continuation byte";
  constexpr std::string_view kUnexpectedEnd = "unexpected end of data";
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char b0 = byte(0);
  if (b0 < 0x80) return Utf8Char{.code = b0, .length = 1, .reason = {}};
  // 80..BF are continuation bytes, C0 and C1 would start overlong forms of
  // ASCII, F5..FF code points above U+10FFFF.
  if (b0 < 0xC2 || b0 > 0xF4) return Utf8Char{.code = 0, .length = 1, .reason = kInvalidStart};
  const size_t length = b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
  // The second byte's range also rules out overlong forms (E0, F0),
  // surrogates (ED) and code points above U+10FFFF (F4).
  unsigned char low = 0x80, high = 0xBF;
  if (b0 == 0xE0) low = 0xA0;
  if (b0 == 0xED) high = 0x9F;
  if (b0 == 0xF0) low = 0x90;
  if (b0 == 0xF4) high = 0x8F;
  char32_t code = b0 & (0x7F >> length);
  const size_t left = s.size() - i;
  // The bytes are checked in order, so a bad byte before the end of the
  // buffer wins over the end: "\xe0\x41" is an invalid continuation byte.
  for (size_t k = 1; k < length; k++) {
    if (k >= left) return Utf8Char{.code = 0, .length = left, .reason = kUnexpectedEnd};
    const unsigned char b = byte(k);
    if (k == 1 ? b < low || b > high : (b & 0xC0) != 0x80) {
      return Utf8Char{.code = 0, .length = k, .reason = kInvalidContinuation};
    }
    code = code << 6 | (b & 0x3F);
  }
  return Utf8Char{.code = code, .length = length, .reason = {}};
}

std::string utf8_decode_error(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      i++;
      continue;
    }
    Utf8Char c = next_utf8_char(s, i);
    if (c.valid()) {
      i += c.length;
      continue;
    }
    char where[64];
    if (c.length == 1) {
      std::snprintf(where, sizeof where, "byte 0x%02x in position %zu", static_cast<unsigned char>(s[i]), i);
    } else {
      std::snprintf(where, sizeof where, "bytes in position %zu-%zu", i, i + c.length - 1);
    }
    return "'utf-8' codec can't decode " + std::string(where) + ": " + std::string(c.reason);
  }
  return {};
}

int utf8_replace_length(std::string_view s) {
  int n = 0;
  for (size_t i = 0; i < s.size(); n++) {
    i += static_cast<unsigned char>(s[i]) < 0x80 ? 1 : next_utf8_char(s, i).length;
  }
  return n;
}

std::optional<std::string> python_codec_name(std::string_view name) {
  const Codec* c = lookup_codec(name);
  if (c == nullptr) return std::nullopt;
  return std::string(c->module);
}

DecodedSource decode_source(std::string_view raw, bool ignore_cookie) {
  DecodedSource out;
  bool bom = !ignore_cookie && raw.starts_with("\xEF\xBB\xBF");
  if (bom) raw.remove_prefix(3);
  std::string_view first = line_at(raw, 0);
  std::optional<std::string> cookie = ignore_cookie ? std::nullopt : find_cookie(first);
  if (!ignore_cookie && !cookie && is_blank_or_comment(first) && first.size() < raw.size()) {
    cookie = find_cookie(line_at(raw, first.size()));
  }
  out.declared = ignore_cookie || bom || cookie.has_value();
  if (auto failure = decode(raw, cookie, bom, out)) {
    out.text.clear();
    // Undecodable source is an error CPython's parser raises (E_DECODE).
    out.error = TokenizeError{.kind = ErrorKind::SyntaxError,
                              .message = failure->message,
                              .line = failure->line,
                              .col = failure->line == 0 ? -1 : 0,
                              .end_offset = -1,
                              .raised_by_parser = failure->line != 0};
    return out;
  }
  // Universal newlines, as CPython reads source files: a lone '\r' ends a
  // line.  "\r\n" is kept (tokenize shows it in NEWLINE and NL tokens).
  for (size_t i = 0; i < out.text.size(); i++) {
    if (out.text[i] == '\r' && (i + 1 == out.text.size() || out.text[i + 1] != '\n')) out.text[i] = '\n';
  }
  return out;
}

}  // namespace tern::compiler
