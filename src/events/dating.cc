#include "events/dating.h"

namespace warta {

namespace {

// The dated or anaphoric time expression nearest the verb, or null.
const TimeExpression* NearestTime(const Context& cx, const std::vector<bool>& relative,
                                  const VerbMatch& verb) {
  const TimeExpression* nearest = nullptr;
  size_t best = static_cast<size_t>(-1);
  for (const TimeExpression& time : cx.times()) {
    if (time.kind == TimeKind::kShift) continue;
    if (relative[time.begin] && !relative[verb.begin]) continue;
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
    event->date = TimeFinder::ApplyShift(event->date, time);
    event->date_written = true;
    event->date_range = {time.begin, time.end};
  }
}

}  // namespace

void DateOf(const Context& cx, const std::vector<bool>& relative, const VerbMatch& verb,
            size_t shift_floor, const CoderState& state, CodedEvent* event) {
  event->date = cx.input.published;
  if (const TimeExpression* nearest = NearestTime(cx, relative, verb)) {
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
