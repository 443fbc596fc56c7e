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

nlohmann::json DateOrNull(const std::optional<Date>& date) {
  return date ? nlohmann::json(date->ToString()) : nlohmann::json(nullptr);
}

nlohmann::json ActorJson(const Actor& actor) {
  return {{"code", actor.code},
          {"country", actor.country},
          {"agent", actor.agent.empty() ? nlohmann::json(nullptr) : nlohmann::json(actor.agent)},
          {"name", actor.name},
          {"start", DateOrNull(actor.start)},
          {"end", DateOrNull(actor.end)}};
}

nlohmann::json SpanJson(const Span& span) { return {{"start", span.start}, {"end", span.end}}; }

}  // namespace

std::string ToJson(const Event& event) {
  nlohmann::ordered_json json;
  json["article_id"] = event.article_id;
  json["event_id"] = event.event_id;
  json["language"] = event.language;
  json["published"] = DateOrNull(event.published);
  json["date"] = DateOrNull(event.date);
  json["date_precision"] =
      event.date ? nlohmann::json(PrecisionName(event.date->precision)) : nlohmann::json(nullptr);
  json["date_text"] =
      event.date_text.empty() ? nlohmann::json(nullptr) : nlohmann::json(event.date_text);
  json["source"] = ActorJson(event.source);
  json["target"] = event.target ? ActorJson(*event.target) : nlohmann::json(nullptr);
  json["cameo"] = event.cameo;
  json["cameo_root"] = event.cameo_root;
  json["cameo_label"] = event.cameo_label;
  json["quad_class"] = event.quad_class;
  json["goldstein"] = event.goldstein;
  json["plover"] = event.plover.empty() ? nlohmann::json(nullptr) : nlohmann::json(event.plover);
  json["modality"] = ModalityName(event.modality);
  json["negated"] = event.negated;
  json["evidence"] = {{"start", event.evidence.sentence.start},
                      {"end", event.evidence.sentence.end},
                      {"text", event.evidence.text},
                      {"source", SpanJson(event.evidence.source)},
                      {"verb", SpanJson(event.evidence.verb)},
                      {"target", SpanJson(event.evidence.target)}};
  json["confidence"] = event.confidence;
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace warta
