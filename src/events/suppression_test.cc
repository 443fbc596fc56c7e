// Pass 5, suppression: what is no event.
#include "events/suppression.h"

#include <gtest/gtest.h>

#include "events/pass_test_support.h"

namespace warta {
namespace {

TEST(SuppressionTest, WhatIsNoEventTableDriven) {
  struct Case {
    const char* text;
    const char* language;
    const char* expected;  // testing::WalkSummary
  } cases[] = {
      // What is urged or demanded has not happened, nor what "dan" joins to it.
      {"Jokowi meminta Polri mengusut tuntas kasus itu dan menangkap pelakunya.", "id",
       "meminta: Jokowi > Polri; mengusut: no event; menangkap: no event"},
      // ... but a reaction to the demand with its own doer answers it.
      {"Beijing's demand was rejected by the Philippine foreign ministry.", "en",
       "demand: Beijing > -; rejected: Philippine foreign ministry > Beijing"},
      // What is denied did not happen, until "dan" joins a new act to the
      // subject.
      {"Rusia membantah menyerang fasilitas sipil Ukraina.", "id",
       "membantah: Rusia > -; menyerang: no event"},
      {"Rusia membantah menyerang fasilitas sipil dan menuduh Ukraina menyerang Donetsk.", "id",
       "membantah: Rusia > -; menyerang: no event; menuduh: Rusia > Ukraina; menyerang: Ukraina > "
       "-"},
      // An aim is no act.
      {"Pejabat kabupaten memberikan uang kepada DPRD agar DPRD menyetujui rancangan anggaran.",
       "id", "menyetujui: no event"},
      // An act after "sejak" with no actor of its own is background; one
      // whose actor is told is an event.
      {"Ketegangan India dan Pakistan memuncak sejak serangan militan terhadap tentara India di "
       "Kashmir.",
       "id", "serangan: no event"},
      {"Moskow dan Pyongyang semakin dekat sejak Rusia menyerang Ukraina.", "id",
       "menyerang: Rusia > Ukraina"},
      // A restrictive relative clause says who someone is.
      {"Polisi menangkap tiga pemuda yang memboikot pemilu.", "id",
       "menangkap: Polisi > pemuda; memboikot pemilu: no event"},
      // ... unless it is a passive naming the doer of a definite actor.
      {"Tak ada rekam jejak dari pria yang diusung oleh Surya Paloh itu.", "id",
       "diusung: Surya Paloh > pria"},
      {"Jokowi tidak membedakan kandidat menteri yang diusung partai politik.", "id",
       "diusung: no event"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(testing::WalkSummary(c.text, c.language), c.expected) << c.text;
  }
}

TEST(SuppressionTest, RepeatedActsTableDriven) {
  struct Case {
    const char* text;
    const char* language;
    const char* expected;  // the coder's events: testing::PreparedSentence::Coded
  } cases[] = {
      // One act of violence on one state's people, told twice, is one.
      {"Israeli warplanes struck homes in Gaza on Monday, killing at least 70 people.", "en",
       "ISRMIL 190 PSECVL"},
      {"Rusia menyerang Kyiv, menewaskan 38 orang.", "id", "RUS 190 UKRGOV"},
      // A second act of one kind with no target of its own is part of the
      // first, unless they are reactions of different kinds.
      {"Mesir mengecam serangan itu dan menuduh Israel melanggar hukum internasional.", "id",
       "EGY 111 -; EGY 112 ISR; ISR 128 -"},
  };
  for (const auto& c : cases) {
    testing::PreparedSentence sentence(c.text, c.language);
    EXPECT_EQ(sentence.Coded(), c.expected) << c.text;
  }
}

}  // namespace
}  // namespace warta
