/* mp2-gmail-mime.c
 *
 * What Mp2GmailSource reads in Gmail's answers: the search built from Preferences,
 * the PDF parts of a mail's MIME tree, its headers (RFC 2047 words decoded with
 * Camel), its date, and the base64url of its attachments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-gmail-source"

#include "config.h"

#include "mp2-gmail-source-private.h"

#include <camel/camel.h>
#include <glib/gi18n-lib.h>
#include <string.h>

/* Deeper trees than this are not looked into: no mailer nests so far. */
#define MAX_DEPTH 32

/* JSON --------------------------------------------------------------------------------- */

JsonArray *
_mp2_gmail_get_array (JsonObject *object,
                      const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

JsonObject *
_mp2_gmail_get_object (JsonObject *object,
                       const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

const char *
_mp2_gmail_get_string (JsonObject *object,
                       const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gint64
get_int (JsonObject *object,
         const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;

  /* int64 fields come as strings in some answers */
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_ascii_strtoll (json_node_get_string (node), NULL, 10);

  return json_node_get_int (node);
}

/* The search ---------------------------------------------------------------------------- */

/* Gmail's search has no escape for a quote: one inside a word is dropped. */
static char *
dup_search_word (const char *word)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean quote = FALSE;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '"')
        continue;
      if (g_unichar_isspace (c) || (c < 0x80 && strchr ("(){}[]:|*-", (int) c) != NULL))
        quote = TRUE;
      g_string_append_unichar (text, c);
    }

  if (quote)
    {
      g_string_prepend_c (text, '"');
      g_string_append_c (text, '"');
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* `{op:a op:"b c"}`, or `op:a` for one word; nothing for none. */
static void
append_any_of (GString     *query,
               const char  *op,
               char       **words)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = g_strstrip (g_strdup (words[i]));
      g_autofree char *term = NULL;

      term = dup_search_word (word);
      if (*term == '\0' || g_str_equal (term, "\"\""))
        continue;
      g_ptr_array_add (terms, g_strconcat (op, ":", term, NULL));
    }

  if (terms->len == 0)
    return;

  g_string_append_c (query, ' ');
  if (terms->len > 1)
    g_string_append_c (query, '{');
  for (guint i = 0; i < terms->len; i++)
    {
      if (i > 0)
        g_string_append_c (query, ' ');
      g_string_append (query, g_ptr_array_index (terms, i));
    }
  if (terms->len > 1)
    g_string_append_c (query, '}');
}

/**
 * mp2_gmail_source_build_query:
 * @settings: the app's settings
 *
 * The Gmail search for call-sheet mails: a PDF attached, received in the last
 * "gmail-newer-than-days" days, a subject with one of the words of "subject-filter"
 * and, when "sender-filter" names any, from one of those senders.
 *
 * Returns: (transfer full): the search, for the `q` of messages.list
 */
char *
mp2_gmail_source_build_query (GSettings *settings)
{
  g_autoptr(GString) query = g_string_new ("has:attachment filename:pdf");
  g_auto(GStrv) subjects = NULL;
  g_auto(GStrv) senders = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  g_string_append_printf (query, " newer_than:%dd",
                          g_settings_get_int (settings, "gmail-newer-than-days"));

  subjects = g_settings_get_strv (settings, "subject-filter");
  append_any_of (query, "subject", subjects);

  senders = g_settings_get_strv (settings, "sender-filter");
  append_any_of (query, "from", senders);

  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* The filter ------------------------------------------------------------------------ */

/**
 * _mp2_gmail_fold:
 * @text: some text
 *
 * Case and accents dropped (`Plan Zdjęciowy` → `plan zdjeciowy`), so that a
 * subject matches its words however the production typed it.
 *
 * Returns: (transfer full): @text folded
 */
char *
_mp2_gmail_fold (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
  GString *result = g_string_new (NULL);

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_combining_class (c) == 0)
        g_string_append_unichar (result, c);
    }

  return g_string_free (result, FALSE);
}

Mp2GmailFilter *
_mp2_gmail_filter_new (GSettings *settings)
{
  Mp2GmailFilter *filter = g_new0 (Mp2GmailFilter, 1);
  g_auto(GStrv) subjects = g_settings_get_strv (settings, "subject-filter");
  g_auto(GStrv) senders = g_settings_get_strv (settings, "sender-filter");

  filter->subjects = g_ptr_array_new_with_free_func (g_free);
  filter->senders = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; subjects[i] != NULL; i++)
    {
      g_autofree char *folded = _mp2_gmail_fold (g_strstrip (subjects[i]));

      if (*folded != '\0')
        g_ptr_array_add (filter->subjects, g_steal_pointer (&folded));
    }

  for (guint i = 0; senders[i] != NULL; i++)
    {
      const char *sender = g_strstrip (senders[i]);

      /* "@example.com" means the domain, as "example.com" does */
      if (*sender == '@')
        sender++;
      if (*sender != '\0')
        g_ptr_array_add (filter->senders, g_ascii_strdown (sender, -1));
    }

  return filter;
}

void
_mp2_gmail_filter_free (Mp2GmailFilter *filter)
{
  g_ptr_array_unref (filter->subjects);
  g_ptr_array_unref (filter->senders);
  g_free (filter);
}

static gboolean
subject_matches (const Mp2GmailFilter *filter,
                 const char           *subject)
{
  g_autofree char *folded = NULL;

  if (filter->subjects->len == 0)
    return TRUE;
  if (subject == NULL)
    return FALSE;

  folded = _mp2_gmail_fold (subject);
  for (guint i = 0; i < filter->subjects->len; i++)
    {
      if (strstr (folded, g_ptr_array_index (filter->subjects, i)) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* The address alone, in lower case, of a From header. */
static char *
dup_address (const char *from)
{
  g_autoptr(CamelInternetAddress) address = camel_internet_address_new ();
  const char *email = NULL;

  if (from == NULL || camel_address_decode (CAMEL_ADDRESS (address), from) < 1
      || !camel_internet_address_get (address, 0, NULL, &email) || email == NULL)
    return NULL;

  return g_ascii_strdown (email, -1);
}

/* An address is one sender; a domain covers its subdomains too. */
static gboolean
sender_matches (const Mp2GmailFilter *filter,
                const char           *from)
{
  g_autofree char *address = NULL;

  if (filter->senders->len == 0)
    return TRUE;

  address = dup_address (from);
  if (address == NULL)
    return FALSE;

  for (guint i = 0; i < filter->senders->len; i++)
    {
      const char *sender = g_ptr_array_index (filter->senders, i);
      g_autofree char *at_domain = g_strconcat ("@", sender, NULL);
      g_autofree char *subdomain = g_strconcat (".", sender, NULL);

      if (g_str_equal (address, sender))
        return TRUE;
      if (strchr (sender, '@') == NULL
          && (g_str_has_suffix (address, at_domain) || g_str_has_suffix (address, subdomain)))
        return TRUE;
    }

  return FALSE;
}

/**
 * _mp2_gmail_filter_matches:
 * @filter: the filter of Preferences
 * @subject: (nullable): a mail's subject, decoded
 * @from: (nullable): its From header
 *
 * Returns: whether the search would have chosen the mail, as far as its subject
 *   and sender go
 */
gboolean
_mp2_gmail_filter_matches (const Mp2GmailFilter *filter,
                           const char           *subject,
                           const char           *from)
{
  return subject_matches (filter, subject) && sender_matches (filter, from);
}

/* Headers ---------------------------------------------------------------------------- */

static char *
decode_words (const char *value)
{
  char *decoded;

  if (value == NULL || strstr (value, "=?") == NULL)
    return g_strdup (value);

  decoded = camel_header_decode_string (value, "UTF-8");
  return decoded != NULL ? decoded : g_strdup (value);
}

/* The first header @name of @part, as the mail has it. */
const char *
_mp2_gmail_get_header (JsonObject *part,
                       const char *name)
{
  JsonArray *headers = _mp2_gmail_get_array (part, "headers");
  guint length = headers != NULL ? json_array_get_length (headers) : 0;

  for (guint i = 0; i < length; i++)
    {
      JsonNode *node = json_array_get_element (headers, i);
      JsonObject *header = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *header_name = _mp2_gmail_get_string (header, "name");

      if (header_name != NULL && g_ascii_strcasecmp (header_name, name) == 0)
        return _mp2_gmail_get_string (header, "value");
    }

  return NULL;
}

/**
 * _mp2_gmail_dup_header:
 * @part: a MIME part of messages.get (the payload for the mail's own headers)
 * @name: a header's name, in any case
 *
 * Gmail gives header values as the mail has them: encoded words are decoded here.
 *
 * Returns: (transfer full) (nullable): the first such header's value, decoded
 */
char *
_mp2_gmail_dup_header (JsonObject *part,
                       const char *name)
{
  return decode_words (_mp2_gmail_get_header (part, name));
}

/**
 * _mp2_gmail_format_sender:
 * @from: (nullable): a From header, as the mail has it
 *
 * Returns: (transfer full) (nullable): the sender as "Name <address>", decoded
 */
char *
_mp2_gmail_format_sender (const char *from)
{
  g_autoptr(CamelInternetAddress) address = camel_internet_address_new ();
  char *formatted;

  if (from == NULL)
    return NULL;

  if (camel_address_decode (CAMEL_ADDRESS (address), from) < 1)
    return decode_words (from);

  formatted = camel_address_format (CAMEL_ADDRESS (address));
  return formatted != NULL ? formatted : decode_words (from);
}

/**
 * _mp2_gmail_dup_date:
 * @message: a mail of messages.get
 *
 * Returns: (transfer full): when Gmail received the mail (internalDate), else its
 *   Date header, else now
 */
GDateTime *
_mp2_gmail_dup_date (JsonObject *message)
{
  gint64 ms = get_int (message, "internalDate");
  const char *date;
  time_t seconds;

  if (ms > 0)
    return g_date_time_new_from_unix_utc (ms / 1000);

  date = _mp2_gmail_get_header (_mp2_gmail_get_object (message, "payload"), "Date");
  seconds = date != NULL ? camel_header_decode_date (date, NULL) : 0;
  if (seconds > 0)
    return g_date_time_new_from_unix_utc (seconds);

  return g_date_time_new_now_utc ();
}

/* The MIME tree ----------------------------------------------------------------------- */

void
_mp2_gmail_part_free (Mp2GmailPart *part)
{
  g_free (part->part_id);
  g_free (part->file_name);
  g_free (part->data);
  g_free (part->attachment_id);
  g_free (part);
}

/* The name in Content-Disposition or Content-Type (RFC 2231 and 2047 decoded), for
 * a part whose "filename" Gmail left empty. */
static char *
dup_name_parameter (JsonObject *part)
{
  const char *disposition_header = _mp2_gmail_get_header (part, "Content-Disposition");
  const char *type_header = _mp2_gmail_get_header (part, "Content-Type");
  char *name = NULL;

  if (disposition_header != NULL)
    {
      CamelContentDisposition *disposition = camel_content_disposition_decode (disposition_header);

      if (disposition != NULL)
        {
          name = g_strdup (camel_header_param (disposition->params, "filename"));
          camel_content_disposition_unref (disposition);
        }
    }

  if (name == NULL && type_header != NULL)
    {
      CamelContentType *type = camel_content_type_decode (type_header);

      if (type != NULL)
        {
          name = g_strdup (camel_content_type_param (type, "name"));
          camel_content_type_unref (type);
        }
    }

  return name;
}

static char *
dup_file_name (JsonObject *part)
{
  const char *file_name = _mp2_gmail_get_string (part, "filename");
  g_autofree char *name = NULL;

  if (file_name != NULL && *file_name != '\0')
    name = g_strdup (file_name);
  else
    name = dup_name_parameter (part);
  if (name == NULL || *name == '\0')
    return NULL;

  return decode_words (name);
}

static gboolean
has_suffix_pdf (const char *file_name)
{
  gsize length = file_name != NULL ? strlen (file_name) : 0;

  return length >= 4 && g_ascii_strcasecmp (file_name + length - 4, ".pdf") == 0;
}

/* A PDF by its type, or by its name when the type says nothing of it (the
 * application/octet-stream of many mailers): never a container or a text. */
static gboolean
is_pdf_part (const char *mime_type,
             const char *file_name)
{
  if (mime_type != NULL
      && (g_ascii_strcasecmp (mime_type, "application/pdf") == 0
          || g_ascii_strcasecmp (mime_type, "application/x-pdf") == 0))
    return TRUE;

  if (mime_type != NULL
      && (g_ascii_strncasecmp (mime_type, "multipart/", 10) == 0
          || g_ascii_strncasecmp (mime_type, "message/", 8) == 0
          || g_ascii_strncasecmp (mime_type, "text/", 5) == 0))
    return FALSE;

  return has_suffix_pdf (file_name);
}

static Mp2GmailPart *
read_part (JsonObject *part)
{
  JsonObject *body = _mp2_gmail_get_object (part, "body");
  const char *data = _mp2_gmail_get_string (body, "data");
  const char *attachment_id = _mp2_gmail_get_string (body, "attachmentId");
  const char *part_id = _mp2_gmail_get_string (part, "partId");
  g_autofree char *file_name = dup_file_name (part);
  Mp2GmailPart *pdf;

  if (!is_pdf_part (_mp2_gmail_get_string (part, "mimeType"), file_name))
    return NULL;

  if ((data == NULL || *data == '\0') && (attachment_id == NULL || *attachment_id == '\0'))
    return NULL;

  pdf = g_new0 (Mp2GmailPart, 1);
  pdf->part_id = g_strdup (part_id != NULL ? part_id : "");
  pdf->file_name = g_steal_pointer (&file_name);
  pdf->data = data != NULL && *data != '\0' ? g_strdup (data) : NULL;
  pdf->attachment_id = pdf->data == NULL ? g_strdup (attachment_id) : NULL;
  pdf->size = get_int (body, "size");

  return pdf;
}

/* Depth first, in the order of the mail: nested multiparts and forwarded mails
 * (message/rfc822 with their parts) included. */
static void
collect_parts (JsonObject *part,
               GPtrArray  *pdfs,
               guint       depth)
{
  JsonArray *children = _mp2_gmail_get_array (part, "parts");
  guint length = children != NULL ? json_array_get_length (children) : 0;
  Mp2GmailPart *pdf;

  if (depth > MAX_DEPTH)
    return;

  if (length == 0)
    {
      pdf = read_part (part);
      if (pdf != NULL)
        g_ptr_array_add (pdfs, pdf);
      return;
    }

  for (guint i = 0; i < length; i++)
    {
      JsonNode *node = json_array_get_element (children, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        collect_parts (json_node_get_object (node), pdfs, depth + 1);
    }
}

/**
 * _mp2_gmail_find_pdf_parts:
 * @payload: (nullable): the payload of a mail of messages.get with format=full
 *
 * Returns: (transfer full) (element-type Mp2GmailPart): the mail's PDFs, in order
 */
GPtrArray *
_mp2_gmail_find_pdf_parts (JsonObject *payload)
{
  GPtrArray *pdfs = g_ptr_array_new_with_free_func ((GDestroyNotify) _mp2_gmail_part_free);

  if (payload != NULL)
    collect_parts (payload, pdfs, 0);

  return pdfs;
}

/* base64url ---------------------------------------------------------------------------- */

/**
 * _mp2_gmail_decode_base64url:
 * @data: base64url, with or without `=` padding (Gmail sends both); the standard
 *   alphabet's `+` and `/` are taken as well
 * @error: where to report data that is not base64
 *
 * Returns: (transfer full): the bytes, or %NULL with @error set
 */
GBytes *
_mp2_gmail_decode_base64url (const char  *data,
                             GError     **error)
{
  g_autoptr(GString) text = g_string_sized_new (strlen (data) + 3);
  guchar *bytes;
  gsize length = 0;

  for (const char *p = data; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '+' || *p == '/')
        g_string_append_c (text, *p);
      else if (*p == '-')
        g_string_append_c (text, '+');
      else if (*p == '_')
        g_string_append_c (text, '/');
      else if (*p == '=')
        break;
      else if (!g_ascii_isspace (*p))
        goto invalid;
    }

  if (text->len % 4 == 1)
    goto invalid;
  while (text->len % 4 != 0)
    g_string_append_c (text, '=');

  bytes = g_base64_decode (text->str, &length);
  return g_bytes_new_take (bytes, length);

invalid:
  g_set_error_literal (error, MP2_HTTP_ERROR, MP2_HTTP_ERROR_BAD_RESPONSE,
                       _("Gmail sent an attachment that could not be decoded. "
                         "It will be tried again at the next check."));
  return NULL;
}
