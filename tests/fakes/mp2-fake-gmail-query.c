/* mp2-fake-gmail-query.c
 *
 * The Gmail search syntax as far as the app uses it: words and "phrases", AND by
 * juxtaposition, OR, -negation, ( ) and { } groups, and the operators from:, to:,
 * cc:, subject:, label:, in:, is:, has:attachment, filename:, newer_than:,
 * older_than:, after:, before:, rfc822msgid:; an operator applies to a following
 * group too: subject:(a OR b). Matching is by whole words, ignoring case and accents
 * ("zdjeciowy" finds "zdjęciowy"), as Gmail's does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-fake-google"

#include "config.h"

#include "mp2-fake-gmail-private.h"

#include <stdlib.h>
#include <string.h>

typedef enum
{
  TOKEN_END,
  TOKEN_OPEN,
  TOKEN_CLOSE,
  TOKEN_OPEN_BRACE,
  TOKEN_CLOSE_BRACE,
  TOKEN_MINUS,
  TOKEN_OR,
  TOKEN_FIELD,
  TOKEN_WORD,
} TokenKind;

typedef struct
{
  TokenKind kind;
  char     *text;
} Token;

typedef enum
{
  NODE_AND,
  NODE_OR,
  NODE_NOT,
  NODE_TERM,
} NodeKind;

typedef struct _Node Node;
struct _Node
{
  NodeKind   kind;
  GPtrArray *children;
  char      *field;
  char      *value;
};

struct _Mp2FakeQuery
{
  Node *root;
};

typedef struct
{
  GArray *tokens;
  guint   position;
} Parser;

static const char *operators[] = {
  "from", "to", "cc", "subject", "label", "in", "is", "has", "filename", "newer_than",
  "older_than", "after", "before", "rfc822msgid", NULL
};

static void
token_clear (gpointer data)
{
  g_free (((Token *) data)->text);
}

static void
node_free (gpointer data)
{
  Node *node = data;

  g_clear_pointer (&node->children, g_ptr_array_unref);
  g_free (node->field);
  g_free (node->value);
  g_free (node);
}

static Node *
node_new (NodeKind kind)
{
  Node *node = g_new0 (Node, 1);

  node->kind = kind;
  if (kind != NODE_TERM)
    node->children = g_ptr_array_new_with_free_func (node_free);

  return node;
}

static void
add_token (GArray     *tokens,
           TokenKind   kind,
           const char *text,
           gssize      length)
{
  Token token = { kind, text ? g_strndup (text, length < 0 ? strlen (text) : (gsize) length)
                             : NULL };

  g_array_append_val (tokens, token);
}

/* A word up to a space, a bracket or a quote; "field:value" splits in two. */
static const char *
lex_word (GArray     *tokens,
          const char *start)
{
  const char *end = start + strcspn (start, " \t()\"{}");
  const char *colon = memchr (start, ':', end - start);
  g_autofree char *name = colon ? g_ascii_strdown (start, colon - start) : NULL;

  if (colon != NULL && g_strv_contains (operators, name))
    {
      add_token (tokens, TOKEN_FIELD, name, -1);
      if (colon + 1 < end)
        add_token (tokens, TOKEN_WORD, colon + 1, end - colon - 1);
      return end;
    }
  if (end - start == 2 && strncmp (start, "OR", 2) == 0)
    add_token (tokens, TOKEN_OR, NULL, 0);
  else if (!(end - start == 3 && strncmp (start, "AND", 3) == 0))
    add_token (tokens, TOKEN_WORD, start, end - start);

  return end;
}

static GArray *
lex (const char *text)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  const char *p = text;

  g_array_set_clear_func (tokens, token_clear);
  while (p != NULL && *p != '\0')
    {
      const char *close = NULL;

      switch (*p)
        {
        case ' ': case '\t': p++; break;
        case '(': add_token (tokens, TOKEN_OPEN, NULL, 0); p++; break;
        case ')': add_token (tokens, TOKEN_CLOSE, NULL, 0); p++; break;
        case '{': add_token (tokens, TOKEN_OPEN_BRACE, NULL, 0); p++; break;
        case '}': add_token (tokens, TOKEN_CLOSE_BRACE, NULL, 0); p++; break;
        case '|': add_token (tokens, TOKEN_OR, NULL, 0); p++; break;
        case '"':
          close = strchr (p + 1, '"');
          add_token (tokens, TOKEN_WORD, p + 1, close ? close - p - 1 : -1);
          p = close ? close + 1 : NULL;
          break;
        case '-':
          if (p[1] != '\0' && p[1] != ' ')
            {
              add_token (tokens, TOKEN_MINUS, NULL, 0);
              p++;
              break;
            }
          G_GNUC_FALLTHROUGH;
        default:
          p = lex_word (tokens, p);
        }
    }
  add_token (tokens, TOKEN_END, NULL, 0);

  return tokens;
}

static Token *
peek (Parser *parser)
{
  return &g_array_index (parser->tokens, Token, parser->position);
}

static Token *
next (Parser *parser)
{
  Token *token = peek (parser);

  if (token->kind != TOKEN_END)
    parser->position++;

  return token;
}

static Node *parse_sequence (Parser     *parser,
                             const char *field,
                             TokenKind   closing);

static Node *
make_term (const char *field,
           const char *value)
{
  Node *node = node_new (NODE_TERM);

  node->field = g_strdup (field);
  node->value = g_strdup (value);

  return node;
}

static Node *
parse_primary (Parser     *parser,
               const char *field)
{
  Token *token = next (parser);
  Node *node = NULL;

  switch (token->kind)
    {
    case TOKEN_OPEN:
      return parse_sequence (parser, field, TOKEN_CLOSE);
    case TOKEN_OPEN_BRACE:
      node = parse_sequence (parser, field, TOKEN_CLOSE_BRACE);
      node->kind = NODE_OR;
      return node;
    case TOKEN_FIELD:
      if (peek (parser)->kind == TOKEN_END)
        return make_term (token->text, "");
      return parse_primary (parser, token->text);
    case TOKEN_WORD:
      return make_term (field, token->text);
    case TOKEN_END:
    case TOKEN_CLOSE:
    case TOKEN_CLOSE_BRACE:
    case TOKEN_MINUS:
    case TOKEN_OR:
    default:
      return node_new (NODE_AND);
    }
}

static Node *
parse_unary (Parser     *parser,
             const char *field)
{
  Node *node = NULL;

  if (peek (parser)->kind != TOKEN_MINUS)
    return parse_primary (parser, field);

  next (parser);
  node = node_new (NODE_NOT);
  g_ptr_array_add (node->children, parse_unary (parser, field));

  return node;
}

static Node *
parse_or (Parser     *parser,
          const char *field)
{
  Node *left = parse_unary (parser, field);
  Node *node = NULL;

  if (peek (parser)->kind != TOKEN_OR)
    return left;

  node = node_new (NODE_OR);
  g_ptr_array_add (node->children, left);
  while (peek (parser)->kind == TOKEN_OR)
    {
      next (parser);
      g_ptr_array_add (node->children, parse_unary (parser, field));
    }

  return node;
}

static Node *
parse_sequence (Parser     *parser,
                const char *field,
                TokenKind   closing)
{
  Node *node = node_new (NODE_AND);

  for (TokenKind kind = peek (parser)->kind; kind != TOKEN_END; kind = peek (parser)->kind)
    {
      if (kind == closing)
        {
          next (parser);
          break;
        }
      if (kind == TOKEN_CLOSE || kind == TOKEN_CLOSE_BRACE || kind == TOKEN_OR)
        {
          next (parser);  /* stray: Gmail ignores it */
          continue;
        }
      g_ptr_array_add (node->children, parse_or (parser, field));
    }

  return node;
}

/**
 * mp2_fake_query_new:
 * @text: (nullable): the q parameter
 *
 * Returns: (transfer full): the query; an empty one matches every mail
 */
Mp2FakeQuery *
mp2_fake_query_new (const char *text)
{
  Mp2FakeQuery *query = g_new0 (Mp2FakeQuery, 1);
  Parser parser = { lex (text), 0 };

  query->root = parse_sequence (&parser, NULL, TOKEN_END);
  g_array_unref (parser.tokens);

  return query;
}

void
mp2_fake_query_free (Mp2FakeQuery *query)
{
  node_free (query->root);
  g_free (query);
}

/* Lower case, no accents, split into words of letters and digits. */
static char **
split_words (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_DEFAULT);
  g_autofree char *folded = g_utf8_casefold (normal ? normal : "", -1);
  g_autofree char *ascii = g_str_to_ascii (folded, "C");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) words = NULL;

  for (char *p = ascii; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      *p = ' ';
  words = g_strsplit (ascii, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (builder, words[i]);

  return g_strv_builder_end (builder);
}

static gboolean
contains_phrase (const char *text,
                 const char *phrase)
{
  g_auto(GStrv) haystack = split_words (text);
  g_auto(GStrv) needle = split_words (phrase);
  guint length = g_strv_length (needle);

  if (length == 0)
    return FALSE;

  for (guint i = 0; i + length <= g_strv_length (haystack); i++)
    {
      guint j = 0;

      while (j < length && strcmp (haystack[i + j], needle[j]) == 0)
        j++;
      if (j == length)
        return TRUE;
    }

  return FALSE;
}

static gboolean
matches_filename (Mp2FakeMail *mail,
                  const char  *value)
{
  g_autofree char *wanted = g_utf8_casefold (value, -1);

  for (guint i = 0; i < mail->filenames->len; i++)
    {
      const char *filename = g_ptr_array_index (mail->filenames, i);
      g_autofree char *name = g_utf8_casefold (filename, -1);
      const char *dot = strrchr (name, '.');

      if (strcmp (name, wanted) == 0 || (dot && strcmp (dot + 1, wanted) == 0) ||
          contains_phrase (filename, value))
        return TRUE;
    }

  return FALSE;
}

static char *
fold_label (const char *name)
{
  char *folded = g_utf8_casefold (name, -1);

  g_strdelimit (folded, " /_", '-');

  return folded;
}

static gboolean
matches_label (Mp2FakeMail    *mail,
               Mp2FakeMailbox *mailbox,
               const char     *value)
{
  g_autofree char *wanted = fold_label (value);

  for (guint i = 0; i < mail->labels->len; i++)
    {
      const char *id = g_ptr_array_index (mail->labels, i);
      JsonObject *label = mp2_fake_mailbox_find_label (mailbox, id);
      g_autofree char *folded_id = fold_label (id);
      g_autofree char *folded_name = label ? fold_label (json_object_get_string_member (label,
                                                                                        "name"))
                                           : NULL;

      if (strcmp (folded_id, wanted) == 0 || g_strcmp0 (folded_name, wanted) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
matches_state (Mp2FakeMail *mail,
               const char  *field,
               const char  *value)
{
  g_autofree char *upper = g_ascii_strup (value, -1);

  if (strcmp (field, "is") == 0 && strcmp (upper, "READ") == 0)
    return !mp2_fake_mail_has_label (mail, "UNREAD");
  if (strcmp (field, "in") == 0 && strcmp (upper, "ANYWHERE") == 0)
    return TRUE;
  if (strcmp (upper, "DRAFTS") == 0)
    return mp2_fake_mail_has_label (mail, "DRAFT");

  return mp2_fake_mail_has_label (mail, upper);
}

/* newer_than:2d, older_than:1m, after:2025/03/14 or epoch seconds. */
static gboolean
parse_age (const char *value,
           gint64     *milliseconds)
{
  gsize length = strlen (value);
  guint64 number = 0;
  g_autofree char *digits = length > 1 ? g_strndup (value, length - 1) : NULL;
  const gint64 day = 24 * 3600 * (gint64) 1000;

  if (digits == NULL || !g_ascii_string_to_unsigned (digits, 10, 0, 100000, &number, NULL))
    return FALSE;

  switch (g_ascii_tolower (value[length - 1]))
    {
    case 'd': *milliseconds = number * day; return TRUE;
    case 'm': *milliseconds = number * 30 * day; return TRUE;
    case 'y': *milliseconds = number * 365 * day; return TRUE;
    default: return FALSE;
    }
}

static gboolean
parse_date (const char *value,
            gint64     *milliseconds)
{
  guint64 seconds = 0;
  g_auto(GStrv) parts = g_strsplit_set (value, "/-", 3);
  g_autoptr(GDateTime) date = NULL;

  if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT64 / 1000, &seconds, NULL))
    {
      *milliseconds = seconds * 1000;
      return TRUE;
    }
  if (g_strv_length (parts) != 3)
    return FALSE;

  date = g_date_time_new_utc (atoi (parts[0]), atoi (parts[1]), atoi (parts[2]), 0, 0, 0);
  if (date == NULL)
    return FALSE;
  *milliseconds = g_date_time_to_unix (date) * 1000;

  return TRUE;
}

static gboolean
matches_time (Mp2FakeMail *mail,
              const char  *field,
              const char  *value,
              gint64       now_ms)
{
  gint64 amount = 0;

  if (g_str_has_suffix (field, "_than") && parse_age (value, &amount))
    return strcmp (field, "newer_than") == 0 ? mail->internal_date_ms > now_ms - amount
                                             : mail->internal_date_ms < now_ms - amount;
  if (!g_str_has_suffix (field, "_than") && parse_date (value, &amount))
    return strcmp (field, "after") == 0 ? mail->internal_date_ms >= amount
                                        : mail->internal_date_ms < amount;

  return FALSE;
}

static gboolean
matches_text (Mp2FakeMail *mail,
              const char  *value)
{
  const char *fields[] = { mail->subject, mail->from, mail->to, mail->text };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (contains_phrase (fields[i], value))
      return TRUE;

  return matches_filename (mail, value);
}

static gboolean
matches_term (Node           *node,
              Mp2FakeMail    *mail,
              Mp2FakeMailbox *mailbox,
              gint64          now_ms)
{
  const char *field = node->field;

  if (field == NULL)
    return matches_text (mail, node->value);
  if (strcmp (field, "subject") == 0)
    return contains_phrase (mail->subject, node->value);
  if (strcmp (field, "from") == 0)
    return contains_phrase (mail->from, node->value);
  if (strcmp (field, "to") == 0)
    return contains_phrase (mail->to, node->value);
  if (strcmp (field, "label") == 0)
    return matches_label (mail, mailbox, node->value);
  if (strcmp (field, "in") == 0 || strcmp (field, "is") == 0)
    return matches_state (mail, field, node->value);
  if (strcmp (field, "has") == 0)
    return g_ascii_strcasecmp (node->value, "attachment") == 0 &&
           mp2_fake_mail_has_attachment (mail);
  if (strcmp (field, "filename") == 0)
    return matches_filename (mail, node->value);
  if (strcmp (field, "rfc822msgid") == 0)
    return g_strcmp0 (mail->message_id, node->value) == 0;
  if (strcmp (field, "cc") == 0)
    return FALSE;

  return matches_time (mail, field, node->value, now_ms);
}

static gboolean
matches_node (Node           *node,
              Mp2FakeMail    *mail,
              Mp2FakeMailbox *mailbox,
              gint64          now_ms)
{
  switch (node->kind)
    {
    case NODE_TERM:
      return matches_term (node, mail, mailbox, now_ms);
    case NODE_NOT:
      return !matches_node (g_ptr_array_index (node->children, 0), mail, mailbox, now_ms);
    case NODE_OR:
      for (guint i = 0; i < node->children->len; i++)
        if (matches_node (g_ptr_array_index (node->children, i), mail, mailbox, now_ms))
          return TRUE;
      return node->children->len == 0;
    case NODE_AND:
    default:
      for (guint i = 0; i < node->children->len; i++)
        if (!matches_node (g_ptr_array_index (node->children, i), mail, mailbox, now_ms))
          return FALSE;
      return TRUE;
    }
}

/**
 * mp2_fake_query_matches:
 * @now_ms: the time newer_than: and older_than: count from, in ms since the epoch
 *
 * Returns: whether @mail is a result of @query
 */
gboolean
mp2_fake_query_matches (Mp2FakeQuery   *query,
                        Mp2FakeMail    *mail,
                        Mp2FakeMailbox *mailbox,
                        gint64          now_ms)
{
  return matches_node (query->root, mail, mailbox, now_ms);
}
