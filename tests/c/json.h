/*
 * A small JSON reader (RFC 8259) for the C test programs: enough to load tests/vectors/(name).json into a
 * tree, and to write a part of it back as text. Numbers are kept as their literal text so that decimals
 * are never rounded through a double.
 */
#ifndef COLL_TEST_JSON_H
#define COLL_TEST_JSON_H

#include <stddef.h>

typedef enum {
    JSON_NULL,
    JSON_BOOL,
    JSON_NUMBER,
    JSON_STRING,
    JSON_ARRAY,
    JSON_OBJECT
} json_type;

typedef struct json_value json_value;

struct json_value {
    json_type type;
    int boolean;         /* JSON_BOOL */
    char *text;          /* JSON_STRING: decoded UTF-8; JSON_NUMBER: the literal. NUL-terminated. */
    size_t text_len;     /* bytes in text, without the NUL */
    size_t count;        /* JSON_ARRAY / JSON_OBJECT: number of elements or members */
    json_value **items;  /* elements, or member values */
    char **keys;         /* JSON_OBJECT: member names, in document order */
};

/* Parses `len` bytes. Returns NULL on a syntax error and writes a message (with the byte offset) to
 * err. The caller frees the tree with json_free. */
json_value *json_parse(const char *text, size_t len, char *err, size_t err_len);

/* Frees a tree from json_parse; NULL is a no-op. */
void json_free(json_value *value);

/* The value of member `key` of an object, or NULL (also when `object` is not an object). */
const json_value *json_get(const json_value *object, const char *key);

/* The string of a JSON string value, or NULL for any other value (or NULL). */
const char *json_string(const json_value *value);

/* The text of a number or a string (decimals may be written either way), or NULL. */
const char *json_scalar_text(const json_value *value);

/* The value as compact JSON text (numbers as their literals, strings escaped), NUL-terminated, its length
 * without the NUL in *len; NULL when out of memory. The caller frees it with free(). */
char *json_write(const json_value *value, size_t *len);

#endif
