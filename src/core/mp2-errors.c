/* mp2-errors.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp2-core"

#include "config.h"

#include "mp2-errors.h"

G_DEFINE_QUARK (mp2-parse-error-quark, mp2_parse_error)

static const char *parse_error_names[] = {
  [MP2_PARSE_ERROR_EMPTY] = "empty",
  [MP2_PARSE_ERROR_NOT_A_PDF] = "not-a-pdf",
  [MP2_PARSE_ERROR_CORRUPT] = "corrupt",
  [MP2_PARSE_ERROR_ENCRYPTED] = "encrypted",
  [MP2_PARSE_ERROR_TOO_LARGE] = "too-large",
  [MP2_PARSE_ERROR_NO_TEXT_LAYER] = "no-text-layer",
  [MP2_PARSE_ERROR_NOT_A_CALL_SHEET] = "not-a-call-sheet",
};

/**
 * mp2_parse_error_code_to_string:
 * @code: an #Mp2ParseError
 *
 * Returns: the stable name of @code, such as `"encrypted"`
 */
const char *
mp2_parse_error_code_to_string (Mp2ParseError code)
{
  g_return_val_if_fail ((guint) code < G_N_ELEMENTS (parse_error_names), NULL);

  return parse_error_names[code];
}

/**
 * mp2_parse_error_code_from_string:
 * @name: a name as given by mp2_parse_error_code_to_string()
 * @code: (out): where to store the code
 *
 * Returns: %TRUE if @name is a known code
 */
gboolean
mp2_parse_error_code_from_string (const char    *name,
                                  Mp2ParseError *code)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (parse_error_names); i++)
    {
      if (g_strcmp0 (parse_error_names[i], name) == 0)
        {
          *code = (Mp2ParseError) i;
          return TRUE;
        }
    }

  return FALSE;
}
