/* mp2-test-geocoder.h
 *
 * A geocoder for the tests of the layers above the geocoders (the pipeline,
 * Preferences): an address with "Nowhere" in it is not found, "Chełmska 21,
 * Warszawa" is at Chełmska 21, and any other address at a place made from its text.
 * It answers from an idle, as a real one answers later, and counts the searches.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mp2-geocoder.h"

G_BEGIN_DECLS

#define MP2_TYPE_TEST_GEOCODER (mp2_test_geocoder_get_type ())

G_DECLARE_FINAL_TYPE (Mp2TestGeocoder, mp2_test_geocoder, MP2, TEST_GEOCODER, GObject)

Mp2TestGeocoder *mp2_test_geocoder_new          (void);
guint            mp2_test_geocoder_get_searches (Mp2TestGeocoder *self);

G_END_DECLS
