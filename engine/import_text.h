/*
 * import_text.h — the bytes of an imported file → Unicode text (NFC UTF-8).
 *
 * Officers make their files in Excel, which saves text three ways: "CSV
 * UTF-8" (UTF-8 with a byte-order mark), "Unicode Text" (UTF-16LE with a
 * byte-order mark, tab-separated) and, on a Vietnamese Windows, plain "CSV
 * (Comma delimited)" in the ANSI code page, Windows-1258 — which stores
 * most toned letters as a base letter followed by a combining tone mark.
 * This module tells them apart honestly (docs/import.md):
 *
 *   1. UTF-16LE: the byte-order mark FF FE, or, without one, an even
 *      length, a first character in ASCII and NUL in at least three of
 *      every four odd bytes of the first 512 (ASCII letters in UTF-16LE);
 *   2. UTF-8 (a leading byte-order mark is dropped): every byte sequence
 *      is valid UTF-8;
 *   3. Windows-1258: only when neither fits and the bytes read as
 *      Vietnamese: each byte is defined in the code page, and every
 *      non-ASCII character of the result is a Vietnamese letter (a, ă, â,
 *      e, ê, i, o, ô, ơ, u, ư, y with or without one of the five tones, or
 *      đ) or common punctuation (– — “ ” ‘ ’ … • ° ₫ € and the no-break
 *      space), with at least one Vietnamese letter;
 *   4. anything else is refused, naming the row and column of its first
 *      byte that is not UTF-8 — never imported as mojibake.
 *
 * Text from any of them must hold no control characters but tab and line
 * breaks (a binary file does), and is normalised to NFC with utf8proc, so
 * "Chi\u0309 tiêu" and "Chỉ tiêu" are the same header.
 */
#ifndef DONDOC_IMPORT_TEXT_H
#define DONDOC_IMPORT_TEXT_H

#include <stddef.h>

enum import_encoding { IMPORT_UTF8, IMPORT_UTF8_BOM, IMPORT_UTF16LE,
                       IMPORT_CP1258 };

/* "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "Windows-1258". */
const char *import_encoding_name(enum import_encoding e);

struct import_text {
  char *text;                  /* NFC UTF-8, NUL-terminated, no BOM;
                                  malloc'd, freed by import_text_release */
  size_t len;                  /* bytes, without the NUL */
  enum import_encoding encoding;
};

/* Where decoding stopped, and why. Rows count the file's lines (a line
 * break is LF, CRLF or a lone CR) and columns its characters, from 1. */
struct import_text_error {
  size_t row, col;
  char message[256];           /* without the position */
};

/* Decode the n bytes of data into out. Returns 0; -1 when the bytes are
 * not text in an accepted encoding (err says where and why); -2 when out
 * of memory. */
int import_text_decode(const unsigned char *data, size_t n,
                       struct import_text *out, struct import_text_error *err);

void import_text_release(struct import_text *t);

/* Plain UTF-8 (with or without a byte-order mark) decoded as it is read,
 * a chunk at a time, so that a large file is never held whole: each
 * complete line is checked and normalised to NFC as import_text_decode
 * would. Anything else — another encoding, a bad byte, a control
 * character — makes it give up, and the whole file is then decoded by
 * import_text_decode, which tells the encoding or says exactly why not.
 * Zero-initialise; release with import_text_stream_release. */
struct import_text_stream {
  unsigned char *pending; size_t n_pending, cap;  /* a line not yet whole */
  char *out;                   /* the last text returned */
  int started;                 /* the byte-order mark was looked for */
  enum import_encoding encoding;   /* IMPORT_UTF8 or IMPORT_UTF8_BOM */
};

/* Take the next n bytes (last: the file ends with them). Returns 0 with
 * *text (valid until the next call) holding *len bytes of NFC UTF-8 —
 * the lines completed so far, possibly none; 1 when the file is not
 * plain UTF-8 text (decode it whole); -2 when out of memory. */
int import_text_stream_feed(struct import_text_stream *s,
                            const unsigned char *in, size_t n, int last,
                            const char **text, size_t *len);
void import_text_stream_release(struct import_text_stream *s);

#endif
