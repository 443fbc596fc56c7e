#include "events/dating.h"

namespace warta {

namespace {

// Whether `date` begins after the publication day ("2032" after 2024-05-01;
// "2024" and "2024-05" do not).
bool AfterPublication(const std::optional<Date>& date, const std::optional<Date>& published) {
  if (!date || !published) return false;
  int month = date->precision == DatePrecision::kYear ? 1 : date->month;
  int day = date->precision == DatePrecision::kDay ? date->day : 1;
  return DaysFromCivil(date->year, month, day) >
         DaysFromCivil(published->year, published->month, published->day);
}

// "Menteri Pertahanan membantah pemerintah berencana menjual pesawat itu
// pada tahun 2032": what the article reports as done (asserted or alleged)
// was done by the time it was published, so a later date is the date of a
// plan it mentions, not of the event; only an intended event ("akan
// mengunjungi Malaysia pada tahun 2032") takes it.
bool CanDate(const Context& cx, const std::optional<Date>& date, const CodedEvent& event) {
  return event.modality == Modality::kIntended || !AfterPublication(date, cx.input.published);
}

// The dated or anaphoric time expression nearest the verb that can date the
// event, or null.
const TimeExpression* NearestTime(const Context& cx, const std::vector<bool>& relative,
                                  const VerbMatch& verb, const CoderState& state,
                                  const CodedEvent& event) {
  const TimeExpression* nearest = nullptr;
  size_t best = static_cast<size_t>(-1);
  for (const TimeExpression& time : cx.times()) {
    if (time.kind == TimeKind::kShift) continue;
    if (relative[time.begin] && !relative[verb.begin]) continue;
    auto date = time.kind == TimeKind::kAnaphor ? state.last_written_date : time.date;
    if (!CanDate(cx, date, event)) continue;
    size_t distance = time.end <= verb.begin ? verb.begin - time.end : time.begin - verb.end;
    if (distance < best) {
      best = distance;
      nearest = &time;
    }
  }
  return nearest;
}

// "sebulan setelah Kim melakukan perjalanan": the shift dates the clause
// it introduces, that is the first verb after it.
void ApplyShifts(const Context& cx, const VerbMatch& verb, size_t shift_floor, CodedEvent* event) {
  for (const TimeExpression& time : cx.times()) {
    if (time.kind != TimeKind::kShift || time.end > verb.begin || time.end < shift_floor) continue;
    bool separated = false;  // "– sebulan setelah X pergi – Kim memuji": another clause
    for (size_t k = time.end; k < verb.begin; ++k) {
      const std::string& text = cx.token(k).text;
      separated = separated || text == "," || text == "–" || text == "—" || text == ";";
    }
    if (separated) continue;
    auto shifted = TimeFinder::ApplyShift(event->date, time);
    if (!CanDate(cx, shifted, *event)) continue;
    event->date = shifted;
    event->date_written = true;
    event->date_range = {time.begin, time.end};
  }
}

}  // namespace

void DateOf(const Context& cx, const std::vector<bool>& relative, const VerbMatch& verb,
            size_t shift_floor, const CoderState& state, CodedEvent* event) {
  event->date = cx.input.published;
  if (const TimeExpression* nearest = NearestTime(cx, relative, verb, state, *event)) {
    event->date = nearest->kind == TimeKind::kAnaphor ? state.last_written_date : nearest->date;
    event->date_written = true;
    event->date_range = {nearest->begin, nearest->end};
  }
  ApplyShifts(cx, verb, shift_floor, event);
}

void RememberDate(const Context& cx, const std::vector<CodedEvent>& events, CoderState* state) {
  for (const CodedEvent& event : events) {
    if (event.date_written && event.date) state->last_written_date = event.date;
  }
  if (!events.empty()) return;
  for (const TimeExpression& time : cx.times()) {
    if (time.kind == TimeKind::kDate && time.date) state->last_written_date = time.date;
  }
}

}  // namespace warta
