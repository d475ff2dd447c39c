/*
 * A recursive-descent JSON reader (RFC 8259). Strict: no comments, no trailing commas, no leading
 * zeros, strings must be valid escapes; \u escapes (with surrogate pairs) become UTF-8. Nesting is
 * limited so that hostile input cannot exhaust the stack. And a writer of compact JSON text.
 */
#include "json.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JSON_MAX_DEPTH 64

typedef struct {
    const char *p;
    const char *start;
    const char *end;
    char *err;
    size_t err_len;
    int failed;
} parser;

static void fail(parser *ps, const char *fmt, ...) {
    va_list ap;
    int n;
    if (ps->failed) {
        return;
    }
    ps->failed = 1;
    if (ps->err == NULL || ps->err_len == 0) {
        return;
    }
    n = snprintf(ps->err, ps->err_len, "offset %lu: ", (unsigned long)(ps->p - ps->start));
    if (n < 0 || (size_t)n >= ps->err_len) {
        return;
    }
    va_start(ap, fmt);
    vsnprintf(ps->err + n, ps->err_len - (size_t)n, fmt, ap);
    va_end(ap);
}

static void skip_ws(parser *ps) {
    while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r')) {
        ps->p++;
    }
}

static json_value *new_value(parser *ps, json_type type) {
    json_value *v = (json_value *)calloc(1, sizeof *v);
    if (v == NULL) {
        fail(ps, "out of memory");
        return NULL;
    }
    v->type = type;
    return v;
}

/* A growable byte buffer for decoding strings. */
typedef struct {
    char *data;
    size_t len;
    size_t cap;
} buffer;

static int buf_push(buffer *b, char c) {
    if (b->len + 1 >= b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 32;
        char *data = (char *)realloc(b->data, cap);
        if (data == NULL) {
            return 0;
        }
        b->data = data;
        b->cap = cap;
    }
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
    return 1;
}

static int buf_push_utf8(buffer *b, unsigned long cp) {
    if (cp < 0x80) {
        return buf_push(b, (char)cp);
    }
    if (cp < 0x800) {
        return buf_push(b, (char)(0xC0 | (cp >> 6))) && buf_push(b, (char)(0x80 | (cp & 0x3F)));
    }
    if (cp < 0x10000) {
        return buf_push(b, (char)(0xE0 | (cp >> 12))) &&
               buf_push(b, (char)(0x80 | ((cp >> 6) & 0x3F))) &&
               buf_push(b, (char)(0x80 | (cp & 0x3F)));
    }
    return buf_push(b, (char)(0xF0 | (cp >> 18))) && buf_push(b, (char)(0x80 | ((cp >> 12) & 0x3F))) &&
           buf_push(b, (char)(0x80 | ((cp >> 6) & 0x3F))) && buf_push(b, (char)(0x80 | (cp & 0x3F)));
}

static int hex4(parser *ps, unsigned long *out) {
    unsigned long v = 0;
    int i;
    if (ps->end - ps->p < 4) {
        fail(ps, "truncated \\u escape");
        return 0;
    }
    for (i = 0; i < 4; i++) {
        char c = *ps->p++;
        v <<= 4;
        if (c >= '0' && c <= '9') {
            v |= (unsigned long)(c - '0');
        } else if (c >= 'a' && c <= 'f') {
            v |= (unsigned long)(c - 'a' + 10);
        } else if (c >= 'A' && c <= 'F') {
            v |= (unsigned long)(c - 'A' + 10);
        } else {
            fail(ps, "bad hex digit in \\u escape");
            return 0;
        }
    }
    *out = v;
    return 1;
}

/* Parses a string starting at the opening quote; returns the decoded text (caller frees). */
static char *parse_string_raw(parser *ps, size_t *len_out) {
    buffer b = {NULL, 0, 0};
    ps->p++; /* opening quote */
    if (!buf_push(&b, '\0')) {
        fail(ps, "out of memory");
        return NULL;
    }
    b.len = 0;
    while (ps->p < ps->end) {
        unsigned char c = (unsigned char)*ps->p;
        if (c == '"') {
            ps->p++;
            *len_out = b.len;
            return b.data;
        }
        if (c < 0x20) {
            fail(ps, "control character in string");
            break;
        }
        if (c == '\\') {
            unsigned long cp;
            ps->p++;
            if (ps->p >= ps->end) {
                fail(ps, "truncated escape");
                break;
            }
            c = (unsigned char)*ps->p++;
            switch (c) {
            case '"': cp = '"'; break;
            case '\\': cp = '\\'; break;
            case '/': cp = '/'; break;
            case 'b': cp = '\b'; break;
            case 'f': cp = '\f'; break;
            case 'n': cp = '\n'; break;
            case 'r': cp = '\r'; break;
            case 't': cp = '\t'; break;
            case 'u':
                if (!hex4(ps, &cp)) {
                    goto error;
                }
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    unsigned long lo;
                    if (ps->end - ps->p < 2 || ps->p[0] != '\\' || ps->p[1] != 'u') {
                        fail(ps, "unpaired surrogate");
                        goto error;
                    }
                    ps->p += 2;
                    if (!hex4(ps, &lo)) {
                        goto error;
                    }
                    if (lo < 0xDC00 || lo > 0xDFFF) {
                        fail(ps, "bad low surrogate");
                        goto error;
                    }
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    fail(ps, "unpaired surrogate");
                    goto error;
                }
                break;
            default:
                fail(ps, "bad escape \\%c", c);
                goto error;
            }
            if (!buf_push_utf8(&b, cp)) {
                fail(ps, "out of memory");
                goto error;
            }
            continue;
        }
        if (!buf_push(&b, (char)c)) {
            fail(ps, "out of memory");
            break;
        }
        ps->p++;
    }
    if (!ps->failed) {
        fail(ps, "unterminated string");
    }
error:
    free(b.data);
    return NULL;
}

static int is_digit(char c) {
    return c >= '0' && c <= '9';
}

static json_value *parse_number(parser *ps) {
    const char *s = ps->p;
    json_value *v;
    size_t n;
    if (ps->p < ps->end && *ps->p == '-') {
        ps->p++;
    }
    if (ps->p >= ps->end || !is_digit(*ps->p)) {
        fail(ps, "bad number");
        return NULL;
    }
    if (*ps->p == '0') {
        ps->p++;
    } else {
        while (ps->p < ps->end && is_digit(*ps->p)) {
            ps->p++;
        }
    }
    if (ps->p < ps->end && *ps->p == '.') {
        ps->p++;
        if (ps->p >= ps->end || !is_digit(*ps->p)) {
            fail(ps, "bad fraction");
            return NULL;
        }
        while (ps->p < ps->end && is_digit(*ps->p)) {
            ps->p++;
        }
    }
    if (ps->p < ps->end && (*ps->p == 'e' || *ps->p == 'E')) {
        ps->p++;
        if (ps->p < ps->end && (*ps->p == '+' || *ps->p == '-')) {
            ps->p++;
        }
        if (ps->p >= ps->end || !is_digit(*ps->p)) {
            fail(ps, "bad exponent");
            return NULL;
        }
        while (ps->p < ps->end && is_digit(*ps->p)) {
            ps->p++;
        }
    }
    v = new_value(ps, JSON_NUMBER);
    if (v == NULL) {
        return NULL;
    }
    n = (size_t)(ps->p - s);
    v->text = (char *)malloc(n + 1);
    if (v->text == NULL) {
        free(v);
        fail(ps, "out of memory");
        return NULL;
    }
    memcpy(v->text, s, n);
    v->text[n] = '\0';
    v->text_len = n;
    return v;
}

static int literal(parser *ps, const char *word) {
    size_t n = strlen(word);
    if ((size_t)(ps->end - ps->p) >= n && memcmp(ps->p, word, n) == 0) {
        ps->p += n;
        return 1;
    }
    return 0;
}

static json_value *parse_value(parser *ps, int depth);

/* Appends to an array or object; key is taken over (may be NULL for arrays). */
static int append(parser *ps, json_value *parent, char *key, json_value *item) {
    json_value **items = (json_value **)realloc(parent->items, (parent->count + 1) * sizeof *items);
    if (items == NULL) {
        fail(ps, "out of memory");
        return 0;
    }
    parent->items = items;
    if (parent->type == JSON_OBJECT) {
        char **keys = (char **)realloc(parent->keys, (parent->count + 1) * sizeof *keys);
        if (keys == NULL) {
            fail(ps, "out of memory");
            return 0;
        }
        parent->keys = keys;
        keys[parent->count] = key;
    }
    items[parent->count++] = item;
    return 1;
}

static json_value *parse_container(parser *ps, int depth, json_type type) {
    char close = type == JSON_ARRAY ? ']' : '}';
    json_value *v = new_value(ps, type);
    if (v == NULL) {
        return NULL;
    }
    ps->p++; /* [ or { */
    skip_ws(ps);
    if (ps->p < ps->end && *ps->p == close) {
        ps->p++;
        return v;
    }
    for (;;) {
        char *key = NULL;
        json_value *item;
        skip_ws(ps);
        if (type == JSON_OBJECT) {
            size_t key_len;
            if (ps->p >= ps->end || *ps->p != '"') {
                fail(ps, "expected a member name");
                break;
            }
            key = parse_string_raw(ps, &key_len);
            if (key == NULL) {
                break;
            }
            skip_ws(ps);
            if (ps->p >= ps->end || *ps->p != ':') {
                free(key);
                fail(ps, "expected ':'");
                break;
            }
            ps->p++;
        }
        item = parse_value(ps, depth + 1);
        if (item == NULL) {
            free(key);
            break;
        }
        if (!append(ps, v, key, item)) {
            free(key);
            json_free(item);
            break;
        }
        skip_ws(ps);
        if (ps->p < ps->end && *ps->p == ',') {
            ps->p++;
            continue;
        }
        if (ps->p < ps->end && *ps->p == close) {
            ps->p++;
            return v;
        }
        fail(ps, "expected ',' or '%c'", close);
        break;
    }
    json_free(v);
    return NULL;
}

static json_value *parse_value(parser *ps, int depth) {
    json_value *v;
    if (depth > JSON_MAX_DEPTH) {
        fail(ps, "nested too deeply");
        return NULL;
    }
    skip_ws(ps);
    if (ps->p >= ps->end) {
        fail(ps, "unexpected end of input");
        return NULL;
    }
    switch (*ps->p) {
    case '{':
        return parse_container(ps, depth, JSON_OBJECT);
    case '[':
        return parse_container(ps, depth, JSON_ARRAY);
    case '"': {
        size_t len;
        char *s = parse_string_raw(ps, &len);
        if (s == NULL) {
            return NULL;
        }
        v = new_value(ps, JSON_STRING);
        if (v == NULL) {
            free(s);
            return NULL;
        }
        v->text = s;
        v->text_len = len;
        return v;
    }
    case 't':
    case 'f':
    case 'n':
        if (literal(ps, "true") || literal(ps, "false")) {
            v = new_value(ps, JSON_BOOL);
            if (v != NULL) {
                v->boolean = ps->p[-1] == 'e' && ps->p[-4] == 't'; /* "true" vs "false" */
            }
            return v;
        }
        if (literal(ps, "null")) {
            return new_value(ps, JSON_NULL);
        }
        fail(ps, "unknown literal");
        return NULL;
    default:
        return parse_number(ps);
    }
}

json_value *json_parse(const char *text, size_t len, char *err, size_t err_len) {
    parser ps;
    json_value *v;
    ps.p = text;
    ps.start = text;
    ps.end = text + len;
    ps.err = err;
    ps.err_len = err_len;
    ps.failed = 0;
    if (err != NULL && err_len > 0) {
        err[0] = '\0';
    }
    v = parse_value(&ps, 0);
    if (v == NULL) {
        return NULL;
    }
    skip_ws(&ps);
    if (ps.p != ps.end) {
        fail(&ps, "trailing characters after the document");
        json_free(v);
        return NULL;
    }
    return v;
}

void json_free(json_value *value) {
    size_t i;
    if (value == NULL) {
        return;
    }
    for (i = 0; i < value->count; i++) {
        json_free(value->items[i]);
        if (value->keys != NULL) {
            free(value->keys[i]);
        }
    }
    free(value->items);
    free(value->keys);
    free(value->text);
    free(value);
}

const json_value *json_get(const json_value *object, const char *key) {
    size_t i;
    if (object == NULL || object->type != JSON_OBJECT) {
        return NULL;
    }
    for (i = 0; i < object->count; i++) {
        if (strcmp(object->keys[i], key) == 0) {
            return object->items[i];
        }
    }
    return NULL;
}

const char *json_string(const json_value *value) {
    return value != NULL && value->type == JSON_STRING ? value->text : NULL;
}

const char *json_scalar_text(const json_value *value) {
    if (value == NULL || (value->type != JSON_STRING && value->type != JSON_NUMBER)) {
        return NULL;
    }
    return value->text;
}

/* Appends a JSON string literal: `"`, the bytes with `"`, `\` and control characters escaped, `"`. */
static int write_string(buffer *b, const char *s, size_t len) {
    static const char hex[] = "0123456789abcdef";
    size_t i;
    if (!buf_push(b, '"')) {
        return 0;
    }
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        int ok;
        if (c == '"' || c == '\\') {
            ok = buf_push(b, '\\') && buf_push(b, (char)c);
        } else if (c < 0x20) {
            ok = buf_push(b, '\\') && buf_push(b, 'u') && buf_push(b, '0') && buf_push(b, '0') &&
                 buf_push(b, hex[c >> 4]) && buf_push(b, hex[c & 0xF]);
        } else {
            ok = buf_push(b, (char)c);
        }
        if (!ok) {
            return 0;
        }
    }
    return buf_push(b, '"');
}

static int write_value(buffer *b, const json_value *v) {
    size_t i;
    const char *word;
    switch (v->type) {
    case JSON_NULL:
    case JSON_BOOL:
        word = v->type == JSON_NULL ? "null" : v->boolean ? "true" : "false";
        for (i = 0; word[i] != '\0'; i++) {
            if (!buf_push(b, word[i])) {
                return 0;
            }
        }
        return 1;
    case JSON_NUMBER:
        for (i = 0; i < v->text_len; i++) {
            if (!buf_push(b, v->text[i])) {
                return 0;
            }
        }
        return 1;
    case JSON_STRING:
        return write_string(b, v->text, v->text_len);
    case JSON_ARRAY:
    case JSON_OBJECT:
        if (!buf_push(b, v->type == JSON_ARRAY ? '[' : '{')) {
            return 0;
        }
        for (i = 0; i < v->count; i++) {
            if (i > 0 && !buf_push(b, ',')) {
                return 0;
            }
            if (v->type == JSON_OBJECT && !(write_string(b, v->keys[i], strlen(v->keys[i])) && buf_push(b, ':'))) {
                return 0;
            }
            if (!write_value(b, v->items[i])) {
                return 0;
            }
        }
        return buf_push(b, v->type == JSON_ARRAY ? ']' : '}');
    }
    return 0;
}

char *json_write(const json_value *value, size_t *len) {
    buffer b = {NULL, 0, 0};
    if (value == NULL || !write_value(&b, value) || b.data == NULL) {
        free(b.data);
        return NULL;
    }
    *len = b.len;
    return b.data;
}
