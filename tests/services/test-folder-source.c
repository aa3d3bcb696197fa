/* test-folder-source.c
 *
 * Mp2FolderSource on real files in a temporary folder: opened files, files too large
 * to be a call sheet, and a watched folder written to the way programs write to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "mp2-errors.h"
#include "mp2-folder-source.h"
#include "mp2-pdf-document.h"
#include "mp2-test-files.h"
#include "mp2-test-wait.h"

/* Short, so that the tests are quick; every wait is bounded by WAIT_TIMEOUT_MS. */
#define SETTLE_TIME 100
#define WAIT_TIMEOUT_MS 10000
/* Long enough for a watched file to have been read if it were going to be. */
#define QUIET_MS (SETTLE_TIME * 8)

typedef struct
{
  GFile  *file;
  GError *error;
} Failure;

typedef struct
{
  Mp2FolderSource *source;
  GThread         *main_thread;
  GFile           *root;
  GFile           *watched;
  GFile           *outside;
  GBytes          *pdf;
  GPtrArray       *candidates;       /* Mp2MailCandidate */
  GPtrArray       *failures;         /* Failure */
  GHashTable      *known;            /* ids the store knows; read-only while watching */
  int              n_asked;          /* atomic */
  int              n_asked_on_main;  /* atomic */
  guint            n_folder_notify;
  guint            n_name_notify;
} Fixture;

/* Runs the main loop until COND holds; fails the test (and returns from it) after
 * WAIT_TIMEOUT_MS instead of hanging. */
#define WAIT_UNTIL(cond)                                                     \
  G_STMT_START {                                                             \
    gboolean timed_out_ = FALSE;                                             \
    guint timeout_id_ = g_timeout_add (WAIT_TIMEOUT_MS,                      \
                                       mp2_test_on_timeout_cb, &timed_out_); \
    while (!(cond) && !timed_out_)                                           \
      g_main_context_iteration (NULL, TRUE);                                 \
    if (!(cond))                                                             \
      {                                                                      \
        g_test_fail_printf ("%s:%d: timed out after %d ms waiting for %s",   \
                            __FILE__, __LINE__, WAIT_TIMEOUT_MS, #cond);     \
        return;                                                              \
      }                                                                      \
    if (!timed_out_)                                                         \
      g_source_remove (timeout_id_);                                         \
  } G_STMT_END

static void
failure_free (gpointer data)
{
  Failure *failure = data;

  g_clear_object (&failure->file);
  g_clear_error (&failure->error);
  g_free (failure);
}

static void
on_candidate_found_cb (Mp2MailSource    *source,
                       Mp2MailCandidate *candidate,
                       Fixture          *f)
{
  g_assert_true (g_thread_self () == f->main_thread);
  g_ptr_array_add (f->candidates, mp2_mail_candidate_ref (candidate));
}

static void
on_file_failed_cb (Mp2FolderSource *source,
                   GFile           *file,
                   const GError    *error,
                   Fixture         *f)
{
  Failure *failure = g_new0 (Failure, 1);

  g_assert_true (g_thread_self () == f->main_thread);
  failure->file = g_object_ref (file);
  failure->error = g_error_copy (error);
  g_ptr_array_add (f->failures, failure);
}

static gboolean
is_known (Mp2MailSource *source,
          const char    *id,
          gpointer       user_data)
{
  Fixture *f = user_data;

  g_atomic_int_inc (&f->n_asked);
  if (g_thread_self () == f->main_thread)
    g_atomic_int_inc (&f->n_asked_on_main);

  return g_hash_table_contains (f->known, id);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("mp2-folder-source-XXXXXX", &error);

  g_assert_no_error (error);

  f->main_thread = g_thread_self ();
  f->root = g_file_new_for_path (root);
  f->watched = g_file_get_child (f->root, "Call sheets");
  f->outside = g_file_get_child (f->root, "Downloads");
  g_file_make_directory (f->watched, NULL, &error);
  g_assert_no_error (error);
  g_file_make_directory (f->outside, NULL, &error);
  g_assert_no_error (error);

  f->pdf = mp2_test_load_callsheet ("T1_01.pdf");
  f->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) mp2_mail_candidate_unref);
  f->failures = g_ptr_array_new_with_free_func (failure_free);
  f->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  f->source = mp2_folder_source_new ();
  mp2_folder_source_set_settle_time (f->source, SETTLE_TIME);
  mp2_mail_source_set_handled_func (MP2_MAIL_SOURCE (f->source), is_known, f, NULL);
  g_signal_connect (f->source, "candidate-found", G_CALLBACK (on_candidate_found_cb), f);
  g_signal_connect (f->source, "file-failed", G_CALLBACK (on_file_failed_cb), f);
}

static void
delete_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFile *child = NULL;

      while (g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) && child != NULL)
        delete_tree (child);
    }

  g_file_delete (file, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (f->source, f);
  mp2_folder_source_set_folder (f->source, NULL);
  mp2_mail_source_set_handled_func (MP2_MAIL_SOURCE (f->source), NULL, NULL, NULL);
  g_clear_object (&f->source);

  delete_tree (f->root);
  g_clear_object (&f->root);
  g_clear_object (&f->watched);
  g_clear_object (&f->outside);
  g_clear_pointer (&f->pdf, g_bytes_unref);
  g_clear_pointer (&f->candidates, g_ptr_array_unref);
  g_clear_pointer (&f->failures, g_ptr_array_unref);
  g_clear_pointer (&f->known, g_hash_table_unref);
}

static GFile *
write_file (GFile      *folder,
            const char *name,
            GBytes     *bytes)
{
  g_autoptr(GFile) file = g_file_get_child (folder, name);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  /* Through a temporary file and a rename, as most programs save. */
  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&file);
}

static GFile *
write_text (GFile      *folder,
            const char *name,
            const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));

  return write_file (folder, name, bytes);
}

/* Opens, writes and closes in place, as cp does. */
static GFile *
copy_in (GFile      *folder,
         const char *name,
         GBytes     *bytes)
{
  g_autoptr(GFile) file = g_file_get_child (folder, name);
  g_autofree char *path = g_file_get_path (file);
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, data, size), ==, (gssize) size);
  g_assert_no_errno (close (fd));

  return g_steal_pointer (&file);
}

static void
set_modified (GFile  *file,
              guint64 seconds)
{
  g_autoptr(GError) error = NULL;

  g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, seconds,
                               G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
}

static Mp2MailCandidate *
candidate_at (Fixture *f,
              guint    i)
{
  return g_ptr_array_index (f->candidates, i);
}

static Failure *
failure_at (Fixture *f,
            guint    i)
{
  return g_ptr_array_index (f->failures, i);
}

static void
assert_candidate_is (Mp2MailCandidate *candidate,
                     GFile            *file,
                     GBytes           *bytes)
{
  g_autofree char *id = mp2_folder_source_id_for_file (file);
  g_autofree char *basename = g_file_get_basename (file);

  g_assert_cmpstr (candidate->id, ==, id);
  g_assert_cmpstr (candidate->file_name, ==, basename);
  g_assert_true (g_bytes_equal (candidate->pdf, bytes));
  g_assert_nonnull (candidate->date);
}

static void
watch (Fixture *f)
{
  mp2_folder_source_set_folder (f->source, f->watched);
  g_assert_true (g_file_equal (mp2_folder_source_get_folder (f->source), f->watched));
}

/* Opened files */

static void
test_add_files (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) text = g_bytes_new_static ("not a PDF\n", 10);
  g_autoptr(GFile) pdf = write_file (f->root, "Plan zdjęciowy – dzień 3.pdf", f->pdf);
  g_autoptr(GFile) notes = write_file (f->root, "notes.txt", text);
  g_autofree char *id = mp2_folder_source_id_for_file (pdf);
  g_autofree char *uri = g_file_get_uri (pdf);
  GFile *files[2];

  set_modified (pdf, 1700000000);

  files[0] = pdf;
  files[1] = notes;
  mp2_folder_source_add_files (f->source, files, 2);
  WAIT_UNTIL (f->candidates->len == 2);

  /* In order; the id is "file:" and the URI; a file is not a mail. */
  assert_candidate_is (candidate_at (f, 0), pdf, f->pdf);
  g_assert_true (g_str_has_prefix (id, "file:"));
  g_assert_cmpstr (id + strlen ("file:"), ==, uri);
  g_assert_null (candidate_at (f, 0)->subject);
  g_assert_null (candidate_at (f, 0)->sender);
  g_assert_cmpint (g_date_time_to_unix (candidate_at (f, 0)->date), ==, 1700000000);

  /* Not a PDF: emitted all the same, for the reader to say what it is. */
  assert_candidate_is (candidate_at (f, 1), notes, text);
  g_assert_cmpuint (f->failures->len, ==, 0);
}

static void
on_marked_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *marked = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (mp2_mail_source_mark_handled_finish (MP2_MAIL_SOURCE (object), result,
                                                      &error));
  g_assert_no_error (error);
  *marked = TRUE;
}

static void
test_add_files_handled_again (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GFile) pdf = write_file (f->root, "day-3.pdf", f->pdf);
  g_autofree char *id = mp2_folder_source_id_for_file (pdf);
  gboolean marked = FALSE;

  /* The user opens a file the store knows, and which was marked handled: it is the
   * user's choice, so it is read all the same (the store finds it by its sha256). */
  g_hash_table_add (f->known, g_strdup (id));
  mp2_mail_source_mark_handled_async (MP2_MAIL_SOURCE (f->source), id, NULL,
                                      on_marked_cb, &marked);
  WAIT_UNTIL (marked);

  mp2_folder_source_add_files (f->source, &pdf, 1);
  WAIT_UNTIL (f->candidates->len == 1);
  assert_candidate_is (candidate_at (f, 0), pdf, f->pdf);
}

static GFile *
make_sparse_file (GFile      *folder,
                  const char *name,
                  goffset     size)
{
  g_autoptr(GFile) file = g_file_get_child (folder, name);
  g_autofree char *path = g_file_get_path (file);
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_no_errno (ftruncate (fd, size));
  g_assert_no_errno (close (fd));

  return g_steal_pointer (&file);
}

static void
test_add_files_too_large (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) big = make_sparse_file (f->root, "huge.pdf", MP2_PDF_MAX_BYTES + 1);
  g_autoptr(GFile) small = write_file (f->root, "small.pdf", f->pdf);
  g_autofree char *limit = g_format_size (MP2_PDF_MAX_BYTES);
  GFile *files[2];

  files[0] = big;
  files[1] = small;
  mp2_folder_source_add_files (f->source, files, 2);
  WAIT_UNTIL (f->failures->len == 1 && f->candidates->len == 1);

  g_assert_true (g_file_equal (failure_at (f, 0)->file, big));
  g_assert_error (failure_at (f, 0)->error, MP2_PARSE_ERROR, MP2_PARSE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (failure_at (f, 0)->error->message, limit));

  /* Only the small one became a candidate. */
  assert_candidate_is (candidate_at (f, 0), small, f->pdf);
}

static void
test_add_files_unreadable (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GFile) missing = g_file_get_child (f->root, "gone.pdf");
  g_autoptr(GFile) pipe = g_file_get_child (f->root, "pipe.pdf");
  g_autofree char *pipe_path = g_file_get_path (pipe);
  GFile *files[3];

  g_assert_no_errno (mkfifo (pipe_path, 0600));

  files[0] = missing;
  files[1] = f->outside;
  files[2] = pipe;
  mp2_folder_source_add_files (f->source, files, 3);
  WAIT_UNTIL (f->failures->len == 3);

  /* Each with a sentence that names the file. */
  g_assert_error (failure_at (f, 0)->error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (failure_at (f, 0)->error->message, "“gone.pdf”"));
  g_assert_error (failure_at (f, 1)->error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (failure_at (f, 1)->error->message, "“Downloads”"));
  /* A pipe would block a reader for ever: refused before it is opened. */
  g_assert_error (failure_at (f, 2)->error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpuint (f->candidates->len, ==, 0);
}

/* The watched folder */

typedef struct
{
  GFile  *file;
  GBytes *bytes;
  gsize   chunk_size;
  guint   pause_ms;
  int     closed;   /* atomic */
} ChunkWriter;

static gpointer
write_in_chunks_thread (gpointer user_data)
{
  ChunkWriter *writer = user_data;
  g_autofree char *path = g_file_get_path (writer->file);
  gsize size = 0;
  const char *data = g_bytes_get_data (writer->bytes, &size);
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);

  for (gsize offset = 0; offset < size; offset += writer->chunk_size)
    {
      gsize n = MIN (writer->chunk_size, size - offset);

      g_assert_cmpint (write (fd, data + offset, n), ==, (gssize) n);
      g_usleep (writer->pause_ms * G_TIME_SPAN_MILLISECOND);
    }

  g_assert_no_errno (close (fd));
  g_atomic_int_set (&writer->closed, 1);
  g_main_context_wakeup (NULL);

  return NULL;
}

static void
test_watch_copy_in_chunks (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_get_child (f->watched, "Day 12.PDF");
  g_autoptr(GThread) thread = NULL;
  ChunkWriter writer = { file, f->pdf, g_bytes_get_size (f->pdf) / 4 + 1, SETTLE_TIME * 3, 0 };

  watch (f);

  /* Pauses between chunks three times the settle time: the file is quiet but still
   * open, and must not be read half-written. */
  thread = g_thread_new ("writer", write_in_chunks_thread, &writer);
  WAIT_UNTIL (g_atomic_int_get (&writer.closed));
  g_assert_cmpuint (f->candidates->len, ==, 0);

  WAIT_UNTIL (f->candidates->len == 1);
  assert_candidate_is (candidate_at (f, 0), file, f->pdf);

  mp2_test_run_for (QUIET_MS);
  g_assert_cmpuint (f->candidates->len, ==, 1);
  g_assert_cmpuint (f->failures->len, ==, 0);
  g_thread_join (g_steal_pointer (&thread));

  /* The handled function was asked, from a worker thread. */
  g_assert_cmpint (g_atomic_int_get (&f->n_asked), ==, 1);
  g_assert_cmpint (g_atomic_int_get (&f->n_asked_on_main), ==, 0);
}

static void
test_watch_ignores_other_files (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GFile) text = NULL;
  g_autoptr(GFile) hidden = NULL;
  g_autoptr(GFile) folder = g_file_get_child (f->watched, "old.pdf");
  g_autoptr(GFile) fence = NULL;

  watch (f);

  text = write_text (f->watched, "notes.txt", "call 6:30");
  hidden = copy_in (f->watched, ".~lock.day.pdf", f->pdf);
  g_file_make_directory (folder, NULL, NULL);
  /* Events come in order: once this one is read, the others were passed over. */
  fence = copy_in (f->watched, "fence.pdf", f->pdf);

  WAIT_UNTIL (f->candidates->len == 1);
  assert_candidate_is (candidate_at (f, 0), fence, f->pdf);
  mp2_test_run_for (QUIET_MS);
  g_assert_cmpuint (f->candidates->len, ==, 1);
  g_assert_cmpuint (f->failures->len, ==, 0);
}

static void
test_watch_moved_in (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GFile) downloaded = write_file (f->outside, "callsheet.pdf", f->pdf);
  g_autoptr(GFile) moved = g_file_get_child (f->watched, "callsheet.pdf");
  g_autoptr(GFile) part = NULL;
  g_autoptr(GFile) renamed = g_file_get_child (f->watched, "revision.pdf");
  g_autoptr(GError) error = NULL;

  watch (f);

  g_file_move (downloaded, moved, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  WAIT_UNTIL (f->candidates->len == 1);
  assert_candidate_is (candidate_at (f, 0), moved, f->pdf);

  /* A browser's download: written as .part, then renamed. */
  part = copy_in (f->watched, "revision.pdf.part", f->pdf);
  g_file_move (part, renamed, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  WAIT_UNTIL (f->candidates->len == 2);
  assert_candidate_is (candidate_at (f, 1), renamed, f->pdf);

  mp2_test_run_for (QUIET_MS);
  g_assert_cmpuint (f->candidates->len, ==, 2);
}

static void
test_watch_skips_handled (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) known = g_file_get_child (f->watched, "known.pdf");
  g_autoptr(GFile) marked = g_file_get_child (f->watched, "marked.pdf");
  g_autoptr(GFile) known_copy = NULL;
  g_autoptr(GFile) marked_copy = NULL;
  g_autoptr(GFile) fence = NULL;
  g_autofree char *known_id = mp2_folder_source_id_for_file (known);
  g_autofree char *marked_id = mp2_folder_source_id_for_file (marked);
  gboolean done = FALSE;

  /* One the store knows, one marked handled in this run. */
  g_hash_table_add (f->known, g_strdup (known_id));
  mp2_mail_source_mark_handled_async (MP2_MAIL_SOURCE (f->source), marked_id, NULL,
                                      on_marked_cb, &done);
  WAIT_UNTIL (done);

  watch (f);
  known_copy = copy_in (f->watched, "known.pdf", f->pdf);
  marked_copy = copy_in (f->watched, "marked.pdf", f->pdf);
  fence = copy_in (f->watched, "new.pdf", f->pdf);

  WAIT_UNTIL (f->candidates->len == 1);
  assert_candidate_is (candidate_at (f, 0), fence, f->pdf);
  mp2_test_run_for (QUIET_MS);
  g_assert_cmpuint (f->candidates->len, ==, 1);

  /* The store was asked about the ones not marked handled, and not on the main
   * thread. */
  g_assert_cmpint (g_atomic_int_get (&f->n_asked), ==, 2);
  g_assert_cmpint (g_atomic_int_get (&f->n_asked_on_main), ==, 0);
}

static void
test_watch_too_large (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GFile) big = NULL;

  watch (f);
  big = make_sparse_file (f->watched, "scan.pdf", MP2_PDF_MAX_BYTES + 1);

  WAIT_UNTIL (f->failures->len == 1);
  g_assert_true (g_file_equal (failure_at (f, 0)->file, big));
  g_assert_error (failure_at (f, 0)->error, MP2_PARSE_ERROR, MP2_PARSE_ERROR_TOO_LARGE);
  mp2_test_run_for (QUIET_MS);
  g_assert_cmpuint (f->failures->len, ==, 1);
  g_assert_cmpuint (f->candidates->len, ==, 0);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              Fixture    *f)
{
  if (g_str_equal (pspec->name, "folder"))
    f->n_folder_notify++;
  else if (g_str_equal (pspec->name, "name"))
    f->n_name_notify++;
}

static void
test_watch_turned_off (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) again = NULL;
  g_autofree char *uri = g_file_get_uri (f->watched);
  g_autoptr(GFile) same = g_file_new_for_uri (uri);

  g_signal_connect (f->source, "notify::folder", G_CALLBACK (on_notify_cb), f);
  g_signal_connect (f->source, "notify::name", G_CALLBACK (on_notify_cb), f);
  g_assert_cmpstr (mp2_mail_source_get_name (MP2_MAIL_SOURCE (f->source)), ==, "Opened files");

  watch (f);
  g_assert_cmpstr (mp2_mail_source_get_name (MP2_MAIL_SOURCE (f->source)), ==, "Call sheets");

  /* The same folder again changes nothing. */
  mp2_folder_source_set_folder (f->source, same);
  g_assert_cmpuint (f->n_folder_notify, ==, 1);
  g_assert_cmpuint (f->n_name_notify, ==, 1);

  mp2_folder_source_set_folder (f->source, NULL);
  g_assert_null (mp2_folder_source_get_folder (f->source));
  g_assert_cmpuint (f->n_folder_notify, ==, 2);
  g_assert_cmpuint (f->n_name_notify, ==, 2);

  file = copy_in (f->watched, "after.pdf", f->pdf);
  mp2_test_run_for (QUIET_MS);
  g_assert_cmpuint (f->candidates->len, ==, 0);

  /* On again: new files are seen again. */
  watch (f);
  again = copy_in (f->watched, "again.pdf", f->pdf);
  WAIT_UNTIL (f->candidates->len == 1);
  assert_candidate_is (candidate_at (f, 0), again, f->pdf);
}

static void
test_watch_off_drops_pending (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_get_child (f->watched, "slow.pdf");
  g_autoptr(GThread) thread = NULL;
  ChunkWriter writer = { file, f->pdf, g_bytes_get_size (f->pdf) / 2 + 1, SETTLE_TIME, 0 };

  watch (f);

  /* Turned off while a file is being written: it is never read. */
  thread = g_thread_new ("writer", write_in_chunks_thread, &writer);
  mp2_test_run_for (SETTLE_TIME / 2);
  mp2_folder_source_set_folder (f->source, NULL);
  WAIT_UNTIL (g_atomic_int_get (&writer.closed));
  g_thread_join (g_steal_pointer (&thread));

  mp2_test_run_for (QUIET_MS);
  g_assert_cmpuint (f->candidates->len, ==, 0);
}

/* Checking: scanning the folder */

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
  guint     n_candidates;   /* when the check finished */
  Fixture  *fixture;
} CheckResult;

static void
on_checked_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  CheckResult *check = user_data;

  check->ok = mp2_mail_source_check_finish (MP2_MAIL_SOURCE (object), result, &check->error);
  check->n_candidates = check->fixture->candidates->len;
  check->done = TRUE;
}

static void
start_check (Fixture      *f,
             GCancellable *cancellable,
             CheckResult  *check)
{
  g_clear_error (&check->error);
  check->done = FALSE;
  check->fixture = f;
  mp2_mail_source_check_async (MP2_MAIL_SOURCE (f->source), cancellable, on_checked_cb, check);
}

static void
test_check_scans_folder (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GFile) newer = write_file (f->watched, "B.PDF", f->pdf);
  g_autoptr(GFile) older = write_file (f->watched, "a-day-1.pdf", f->pdf);
  g_autoptr(GFile) known = write_file (f->watched, "known.pdf", f->pdf);
  g_autoptr(GFile) text = write_text (f->watched, "notes.txt", "hello");
  g_autoptr(GFile) hidden = write_file (f->watched, ".hidden.pdf", f->pdf);
  g_autoptr(GFile) folder = g_file_get_child (f->watched, "folder.pdf");
  g_autofree char *known_id = mp2_folder_source_id_for_file (known);
  g_autofree char *older_id = mp2_folder_source_id_for_file (older);
  g_autofree char *newer_id = mp2_folder_source_id_for_file (newer);
  CheckResult check = { 0 };
  gboolean marked = FALSE;

  g_file_make_directory (folder, NULL, NULL);
  set_modified (older, 1700000000);
  set_modified (newer, 1700000100);
  g_hash_table_add (f->known, g_strdup (known_id));
  watch (f);

  /* The PDFs not known, oldest first, all emitted before the check resolves. */
  start_check (f, NULL, &check);
  WAIT_UNTIL (check.done);
  g_assert_no_error (check.error);
  g_assert_true (check.ok);
  g_assert_cmpuint (check.n_candidates, ==, 2);
  assert_candidate_is (candidate_at (f, 0), older, f->pdf);
  assert_candidate_is (candidate_at (f, 1), newer, f->pdf);
  g_assert_cmpint (g_date_time_to_unix (candidate_at (f, 0)->date), ==, 1700000000);

  /* One is marked handled; the other is offered again until it is. */
  mp2_mail_source_mark_handled_async (MP2_MAIL_SOURCE (f->source), older_id, NULL,
                                      on_marked_cb, &marked);
  WAIT_UNTIL (marked);
  start_check (f, NULL, &check);
  WAIT_UNTIL (check.done);
  g_assert_true (check.ok);
  g_assert_cmpuint (check.n_candidates, ==, 3);
  assert_candidate_is (candidate_at (f, 2), newer, f->pdf);

  marked = FALSE;
  mp2_mail_source_mark_handled_async (MP2_MAIL_SOURCE (f->source), newer_id, NULL,
                                      on_marked_cb, &marked);
  WAIT_UNTIL (marked);
  start_check (f, NULL, &check);
  WAIT_UNTIL (check.done);
  g_assert_true (check.ok);
  g_assert_cmpuint (check.n_candidates, ==, 3);

  /* No watch events for the files that were there before the folder was set. */
  mp2_test_run_for (QUIET_MS);
  g_assert_cmpuint (f->candidates->len, ==, 3);
  g_assert_cmpint (g_atomic_int_get (&f->n_asked_on_main), ==, 0);
  g_clear_error (&check.error);
}

static void
test_check_without_folder (Fixture       *f,
                           gconstpointer  data)
{
  CheckResult check = { 0 };

  start_check (f, NULL, &check);
  WAIT_UNTIL (check.done);
  g_assert_no_error (check.error);
  g_assert_true (check.ok);
  g_assert_cmpuint (check.n_candidates, ==, 0);
}

static void
test_check_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) missing = g_file_get_child (f->root, "Gone");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GFile) day = write_file (f->watched, "day.pdf", f->pdf);
  CheckResult check = { 0 };

  watch (f);
  g_cancellable_cancel (cancellable);
  start_check (f, cancellable, &check);
  WAIT_UNTIL (check.done);
  g_assert_error (check.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (check.ok);
  g_assert_cmpuint (f->candidates->len, ==, 0);

  mp2_folder_source_set_folder (f->source, missing);
  start_check (f, NULL, &check);
  WAIT_UNTIL (check.done);
  g_assert_error (check.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (check.error->message, "“Gone”"));
  g_assert_false (check.ok);
  g_clear_error (&check.error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/folder-source/add-files", test_add_files);
  ADD_TEST ("/folder-source/add-files/handled-again", test_add_files_handled_again);
  ADD_TEST ("/folder-source/add-files/too-large", test_add_files_too_large);
  ADD_TEST ("/folder-source/add-files/unreadable", test_add_files_unreadable);
  ADD_TEST ("/folder-source/watch/copy-in-chunks", test_watch_copy_in_chunks);
  ADD_TEST ("/folder-source/watch/ignores-other-files", test_watch_ignores_other_files);
  ADD_TEST ("/folder-source/watch/moved-in", test_watch_moved_in);
  ADD_TEST ("/folder-source/watch/skips-handled", test_watch_skips_handled);
  ADD_TEST ("/folder-source/watch/too-large", test_watch_too_large);
  ADD_TEST ("/folder-source/watch/turned-off", test_watch_turned_off);
  ADD_TEST ("/folder-source/watch/off-drops-pending", test_watch_off_drops_pending);
  ADD_TEST ("/folder-source/check/scans-folder", test_check_scans_folder);
  ADD_TEST ("/folder-source/check/without-folder", test_check_without_folder);
  ADD_TEST ("/folder-source/check/errors", test_check_errors);

  return g_test_run ();
}
