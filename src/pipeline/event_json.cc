#include <cmath>
#include <nlohmann/json.hpp>

#include "warta/event.h"

namespace warta {

const char* ModalityName(Modality modality) {
  switch (modality) {
    case Modality::kAsserted: return "asserted";
    case Modality::kAlleged: return "alleged";
    case Modality::kIntended: return "intended";
  }
  return "asserted";
}

namespace {

using Json = nlohmann::ordered_json;

Json DateOrNull(const std::optional<Date>& date) {
  return date ? Json(date->ToString()) : Json(nullptr);
}

Json ActorJson(const Actor& actor) {
  Json json;
  json["code"] = actor.code;
  json["country"] = actor.country;
  json["agent"] = actor.agent.empty() ? Json(nullptr) : Json(actor.agent);
  json["name"] = actor.name;
  json["start"] = DateOrNull(actor.start);
  json["end"] = DateOrNull(actor.end);
  return json;
}

Json SpanJson(const Span& span) {
  Json json;
  json["start"] = span.start;
  json["end"] = span.end;
  return json;
}

}  // namespace

std::string ToJson(const Event& event) {
  Json json;
  json["article_id"] = event.article_id;
  json["event_id"] = event.event_id;
  json["language"] = event.language;
  json["published"] = DateOrNull(event.published);
  json["date"] = DateOrNull(event.date);
  json["date_precision"] =
      event.date ? Json(PrecisionName(event.date->precision)) : Json(nullptr);
  json["date_text"] =
      event.date_text.empty() ? Json(nullptr) : Json(event.date_text);
  json["source"] = ActorJson(event.source);
  json["target"] = event.target ? ActorJson(*event.target) : Json(nullptr);
  json["cameo"] = event.cameo;
  json["cameo_root"] = event.cameo_root;
  json["cameo_label"] = event.cameo_label;
  json["quad_class"] = event.quad_class;
  json["goldstein"] = event.goldstein;
  json["plover"] = event.plover.empty() ? Json(nullptr) : Json(event.plover);
  json["modality"] = ModalityName(event.modality);
  json["negated"] = event.negated;
  Json evidence;
  evidence["start"] = event.evidence.sentence.start;
  evidence["end"] = event.evidence.sentence.end;
  evidence["text"] = event.evidence.text;
  evidence["source"] = SpanJson(event.evidence.source);
  evidence["verb"] = SpanJson(event.evidence.verb);
  evidence["target"] = SpanJson(event.evidence.target);
  json["evidence"] = evidence;
  json["confidence"] = std::round(event.confidence * 100) / 100;
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace warta
