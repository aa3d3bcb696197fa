/* mp2-fake-mail.c
 *
 * One mail of the fake Gmail: the .eml parsed with Camel into the MessagePart tree
 * of messages.get format=full (partId, mimeType, filename, headers as in the
 * message, body.size with inline data for text parts or an attachmentId), and the
 * decoded subject, addresses, text and file names that the search looks at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-fake-google"

#include "config.h"

#include "mp2-fake-gmail-private.h"

#include <camel/camel.h>
#include <string.h>

#define SNIPPET_LENGTH 200

void
mp2_fake_mail_free (Mp2FakeMail *mail)
{
  g_free (mail->id);
  g_free (mail->thread_id);
  g_clear_pointer (&mail->labels, g_ptr_array_unref);
  g_clear_pointer (&mail->raw, g_bytes_unref);
  g_clear_pointer (&mail->payload, json_object_unref);
  g_clear_pointer (&mail->attachments, g_hash_table_unref);
  g_free (mail->snippet);
  g_free (mail->message_id);
  g_clear_pointer (&mail->references, g_ptr_array_unref);
  g_free (mail->subject);
  g_free (mail->from);
  g_free (mail->to);
  g_free (mail->text);
  g_clear_pointer (&mail->filenames, g_ptr_array_unref);
  g_free (mail);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mp2FakeMail, mp2_fake_mail_free)

gboolean
mp2_fake_mail_has_label (Mp2FakeMail *mail,
                         const char  *label_id)
{
  return g_ptr_array_find_with_equal_func (mail->labels, label_id, g_str_equal, NULL);
}

gboolean
mp2_fake_mail_has_attachment (Mp2FakeMail *mail)
{
  return mail->filenames->len > 0;
}

/* Gmail returns header values as they are in the message, unfolded. */
static JsonArray *
build_headers (CamelMimePart *part)
{
  JsonArray *headers = json_array_new ();
  const CamelNameValueArray *array = camel_medium_get_headers (CAMEL_MEDIUM (part));
  guint length = array ? camel_name_value_array_get_length (array) : 0;

  for (guint i = 0; i < length; i++)
    {
      const char *name = NULL, *value = NULL;
      g_autoptr(JsonObject) header = json_object_new ();
      g_autofree char *unfolded = NULL;

      if (!camel_name_value_array_get (array, i, &name, &value))
        continue;
      unfolded = camel_header_unfold (value ? value : "");
      json_object_set_string_member (header, "name", name);
      json_object_set_string_member (header, "value", g_strstrip (unfolded));
      json_array_add_object_element (headers, g_steal_pointer (&header));
    }

  return headers;
}

static GBytes *
decode_content (CamelDataWrapper *content,
                GError          **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

  if (camel_data_wrapper_decode_to_output_stream_sync (content, stream, NULL, error) < 0 ||
      !g_output_stream_close (stream, NULL, error))
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static char *
make_attachment_id (Mp2FakeMail *mail,
                    const char  *part_id)
{
  g_autofree char *seed = g_strdup_printf ("%s/%s", mail->id, part_id);
  g_autofree char *first = g_compute_checksum_for_string (G_CHECKSUM_SHA512, seed, -1);
  g_autofree char *encoded = mp2_fake_base64url_encode ((const guint8 *) first, 64, FALSE);

  return g_strconcat ("ANGjdJ", encoded, NULL);
}

/* Text for the search and the snippet, in UTF-8 whatever the part's charset. */
static char *
to_utf8 (GBytes        *bytes,
         CamelMimePart *part)
{
  CamelContentType *type = camel_mime_part_get_content_type (part);
  const char *charset = camel_content_type_param (type, "charset");
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autofree char *converted = NULL;

  if (charset != NULL && g_ascii_strcasecmp (charset, "utf-8") != 0 &&
      g_ascii_strcasecmp (charset, "us-ascii") != 0)
    converted = g_convert (data, length, "UTF-8", charset, NULL, NULL, NULL);
  if (converted != NULL)
    return g_steal_pointer (&converted);

  return g_utf8_make_valid (data, length);
}

static void
remember_text (Mp2FakeMail   *mail,
               CamelMimePart *part,
               GBytes        *bytes)
{
  g_auto(GStrv) words = NULL;
  GString *snippet = g_string_new (NULL);

  if (mail->text != NULL)
    return;

  mail->text = to_utf8 (bytes, part);
  words = g_strsplit_set (mail->text, " \t\r\n", -1);
  for (guint i = 0; words[i] != NULL && g_utf8_strlen (snippet->str, -1) < SNIPPET_LENGTH; i++)
    if (*words[i] != '\0')
      g_string_append_printf (snippet, "%s%s", snippet->len ? " " : "", words[i]);
  if (g_utf8_strlen (snippet->str, -1) > SNIPPET_LENGTH)
    g_string_truncate (snippet, g_utf8_offset_to_pointer (snippet->str, SNIPPET_LENGTH)
                                - snippet->str);
  mail->snippet = g_string_free (snippet, FALSE);
}

static void
add_attachment (Mp2FakeMail   *mail,
                CamelMimePart *part,
                const char    *part_id,
                GBytes        *bytes,
                JsonObject    *body)
{
  const char *filename = camel_mime_part_get_filename (part);
  char *attachment_id = make_attachment_id (mail, part_id);

  json_object_set_string_member (body, "attachmentId", attachment_id);
  json_object_set_int_member (body, "size", g_bytes_get_size (bytes));
  g_hash_table_insert (mail->attachments, attachment_id, g_bytes_ref (bytes));
  if (filename != NULL && *filename != '\0')
    g_ptr_array_add (mail->filenames, g_strdup (filename));
}

/* A leaf part: text without a file name is inline (text/plain unpadded, other text
 * padded, as Gmail mixes them); anything else is fetched by attachmentId. */
static gboolean
build_leaf_body (Mp2FakeMail   *mail,
                 CamelMimePart *part,
                 const char    *part_id,
                 const char    *mime_type,
                 JsonObject    *body,
                 GError       **error)
{
  CamelDataWrapper *content = camel_medium_get_content (CAMEL_MEDIUM (part));
  const char *filename = camel_mime_part_get_filename (part);
  g_autoptr(GBytes) bytes = content ? decode_content (content, error) : g_bytes_new (NULL, 0);
  gboolean plain = g_strcmp0 (mime_type, "text/plain") == 0;
  g_autofree char *encoded = NULL;
  gsize length = 0;
  const guint8 *data = NULL;

  if (bytes == NULL)
    return FALSE;
  if ((filename != NULL && *filename != '\0') || !g_str_has_prefix (mime_type, "text/"))
    {
      add_attachment (mail, part, part_id, bytes, body);
      return TRUE;
    }

  data = g_bytes_get_data (bytes, &length);
  encoded = mp2_fake_base64url_encode (data, length, !plain);
  json_object_set_int_member (body, "size", length);
  if (length > 0)
    json_object_set_string_member (body, "data", encoded);
  if (plain)
    remember_text (mail, part, bytes);

  return TRUE;
}

static JsonObject *build_part (Mp2FakeMail   *mail,
                               CamelMimePart *part,
                               const char    *part_id,
                               GError       **error);

static gboolean
build_children (Mp2FakeMail    *mail,
                CamelMultipart *multipart,
                const char     *part_id,
                JsonObject     *object,
                GError        **error)
{
  g_autoptr(JsonArray) parts = json_array_new ();

  for (guint i = 0; i < camel_multipart_get_number (multipart); i++)
    {
      g_autofree char *child_id = *part_id ? g_strdup_printf ("%s.%u", part_id, i)
                                           : g_strdup_printf ("%u", i);
      JsonObject *child = build_part (mail, camel_multipart_get_part (multipart, i), child_id,
                                      error);

      if (child == NULL)
        return FALSE;
      json_array_add_object_element (parts, child);
    }
  json_object_set_array_member (object, "parts", g_steal_pointer (&parts));

  return TRUE;
}

static JsonObject *
build_part (Mp2FakeMail   *mail,
            CamelMimePart *part,
            const char    *part_id,
            GError       **error)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonObject) body = json_object_new ();
  CamelDataWrapper *content = camel_medium_get_content (CAMEL_MEDIUM (part));
  g_autofree char *simple = camel_content_type_simple (camel_mime_part_get_content_type (part));
  g_autofree char *mime_type = g_ascii_strdown (simple, -1);
  const char *filename = camel_mime_part_get_filename (part);

  json_object_set_string_member (object, "partId", part_id);
  json_object_set_string_member (object, "mimeType", mime_type);
  json_object_set_string_member (object, "filename", filename ? filename : "");
  json_object_set_array_member (object, "headers", build_headers (part));

  if (CAMEL_IS_MULTIPART (content))
    {
      json_object_set_int_member (body, "size", 0);
      json_object_set_object_member (object, "body", g_steal_pointer (&body));
      if (!build_children (mail, CAMEL_MULTIPART (content), part_id, object, error))
        return NULL;
      return g_steal_pointer (&object);
    }

  /* message/rfc822 (a mail forwarded as an attachment): Gmail gives the forwarded
   * mail's own tree as the one child of the part (added for the Gmail source's tests). */
  if (CAMEL_IS_MIME_MESSAGE (content))
    {
      g_autofree char *child_id = *part_id ? g_strdup_printf ("%s.0", part_id) : g_strdup ("0");
      g_autoptr(JsonArray) parts = json_array_new ();
      JsonObject *child = build_part (mail, CAMEL_MIME_PART (content), child_id, error);

      if (child == NULL)
        return NULL;
      json_array_add_object_element (parts, child);
      json_object_set_int_member (body, "size", 0);
      json_object_set_object_member (object, "body", g_steal_pointer (&body));
      json_object_set_array_member (object, "parts", g_steal_pointer (&parts));
      return g_steal_pointer (&object);
    }

  if (!build_leaf_body (mail, part, part_id, mime_type, body, error))
    return NULL;
  json_object_set_object_member (object, "body", g_steal_pointer (&body));

  return g_steal_pointer (&object);
}

static char *
format_recipients (CamelMimeMessage *message,
                   const char       *type)
{
  CamelInternetAddress *addresses = camel_mime_message_get_recipients (message, type);

  return addresses ? camel_address_format (CAMEL_ADDRESS (addresses)) : g_strdup ("");
}

/* Message ids of In-Reply-To and References, for the thread. */
static GPtrArray *
collect_references (CamelMimeMessage *message)
{
  GPtrArray *references = g_ptr_array_new_with_free_func (g_free);
  const char *names[] = { "In-Reply-To", "References" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *value = camel_medium_get_header (CAMEL_MEDIUM (message), names[i]);
      const char *start = value;

      while (start != NULL && (start = strchr (start, '<')) != NULL)
        {
          const char *end = strchr (start, '>');

          if (end == NULL)
            break;
          g_ptr_array_add (references, g_strndup (start + 1, end - start - 1));
          start = end;
        }
    }

  return references;
}

static void
describe_message (Mp2FakeMail      *mail,
                  CamelMimeMessage *message)
{
  CamelInternetAddress *from = camel_mime_message_get_from (message);
  const char *subject = camel_mime_message_get_subject (message);
  const char *message_id = camel_mime_message_get_message_id (message);

  mail->subject = g_strdup (subject ? subject : "");
  mail->from = from ? camel_address_format (CAMEL_ADDRESS (from)) : g_strdup ("");
  mail->to = format_recipients (message, CAMEL_RECIPIENT_TYPE_TO);
  mail->message_id = g_strdup (message_id);
  mail->references = collect_references (message);
  if (mail->snippet == NULL)
    mail->snippet = g_strdup ("");
}

/**
 * mp2_fake_mail_new:
 * @eml: a message as RFC 5322 bytes
 * @id: the Gmail id it gets
 *
 * Returns: (transfer full): the mail, parsed
 */
Mp2FakeMail *
mp2_fake_mail_new (GBytes     *eml,
                   const char *id,
                   GError    **error)
{
  g_autoptr(Mp2FakeMail) mail = g_new0 (Mp2FakeMail, 1);
  g_autoptr(CamelMimeParser) parser = camel_mime_parser_new ();
  g_autoptr(CamelMimeMessage) message = camel_mime_message_new ();

  if (g_bytes_get_size (eml) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The mail is empty");
      return NULL;
    }

  mail->id = g_strdup (id);
  mail->raw = g_bytes_ref (eml);
  mail->labels = g_ptr_array_new_with_free_func (g_free);
  mail->attachments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_bytes_unref);
  mail->filenames = g_ptr_array_new_with_free_func (g_free);

  camel_mime_parser_init_with_bytes (parser, eml);
  if (!camel_mime_part_construct_from_parser_sync (CAMEL_MIME_PART (message), parser, NULL,
                                                   error))
    return NULL;

  mail->payload = build_part (mail, CAMEL_MIME_PART (message), "", error);
  if (mail->payload == NULL)
    return NULL;
  describe_message (mail, message);

  return g_steal_pointer (&mail);
}
