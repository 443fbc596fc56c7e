#include "util/json_writer.h"
#include "warta/event.h"

namespace warta {

const char* ModalityName(Modality modality) {
  switch (modality) {
    case Modality::kAsserted:
      return "asserted";
    case Modality::kAlleged:
      return "alleged";
    case Modality::kIntended:
      return "intended";
  }
  return "asserted";
}

namespace {

void WriteDate(const std::optional<Date>& date, JsonWriter* json) {
  if (date)
    json->String(date->ToString());
  else
    json->Null();
}

void WriteLocation(const std::optional<Location>& location, JsonWriter* json) {
  if (!location) {
    json->Null();
    return;
  }
  json->BeginObject();
  json->Key("id");
  json->String(location->id);
  json->Key("name");
  json->String(location->name);
  json->Key("feature");
  json->String(location->feature);
  json->Key("country");
  json->String(location->country);
  json->Key("country_name");
  json->String(location->country_name);
  json->Key("adm1");
  json->String(location->adm1);
  json->Key("adm1_id");
  json->String(location->adm1_id);
  json->Key("fips_country");
  json->String(location->fips_country);
  json->Key("adm1_code");
  json->String(location->adm1_code);
  json->Key("lat");
  json->Double(location->lat, 4);
  json->Key("lon");
  json->Double(location->lon, 4);
  json->Key("start");
  json->Int(static_cast<long long>(location->span.start));
  json->Key("end");
  json->Int(static_cast<long long>(location->span.end));
  json->Key("basis");
  json->String(location->basis);
  json->EndObject();
}

void WriteActor(const Actor& actor, JsonWriter* json) {
  json->BeginObject();
  json->Key("code");
  json->String(actor.code);
  json->Key("country");
  json->String(actor.country);
  json->Key("agent");
  json->StringOrNull(actor.agent);
  json->Key("name");
  json->String(actor.name);
  json->Key("start");
  WriteDate(actor.start, json);
  json->Key("end");
  WriteDate(actor.end, json);
  json->Key("location");
  WriteLocation(actor.location, json);
  json->EndObject();
}

void WriteSpan(const char* key, const Span& span, JsonWriter* json) {
  json->Key(key);
  json->BeginObject();
  json->Key("start");
  json->Int(static_cast<long long>(span.start));
  json->Key("end");
  json->Int(static_cast<long long>(span.end));
  json->EndObject();
}

}  // namespace

std::string ToJson(const Event& event) {
  std::string out;
  out.reserve(1536 + event.evidence.text.size());  // with a location, ~1.3 kB besides the text
  JsonWriter json(&out);
  json.BeginObject();
  json.Key("article_id");
  json.String(event.article_id);
  json.Key("event_id");
  json.String(event.event_id);
  json.Key("language");
  json.String(event.language);
  json.Key("published");
  WriteDate(event.published, &json);
  json.Key("date");
  WriteDate(event.date, &json);
  json.Key("date_precision");
  if (event.date)
    json.String(PrecisionName(event.date->precision));
  else
    json.Null();
  json.Key("date_text");
  json.StringOrNull(event.date_text);
  json.Key("source");
  WriteActor(event.source, &json);
  json.Key("target");
  if (event.target)
    WriteActor(*event.target, &json);
  else
    json.Null();
  json.Key("cameo");
  json.String(event.cameo);
  json.Key("cameo_root");
  json.String(event.cameo_root);
  json.Key("cameo_label");
  json.String(event.cameo_label);
  json.Key("quad_class");
  json.Int(event.quad_class);
  json.Key("goldstein");
  json.Double(event.goldstein, 1);
  json.Key("plover");
  json.StringOrNull(event.plover);
  json.Key("modality");
  json.String(ModalityName(event.modality));
  json.Key("negated");
  json.Bool(event.negated);
  json.Key("evidence");
  json.BeginObject();
  json.Key("start");
  json.Int(static_cast<long long>(event.evidence.sentence.start));
  json.Key("end");
  json.Int(static_cast<long long>(event.evidence.sentence.end));
  json.Key("text");
  json.String(event.evidence.text);
  WriteSpan("source", event.evidence.source, &json);
  WriteSpan("verb", event.evidence.verb, &json);
  WriteSpan("target", event.evidence.target, &json);
  json.EndObject();
  json.Key("confidence");
  json.Double(event.confidence, 2);
  json.Key("location");
  WriteLocation(event.location, &json);
  json.EndObject();
  return out;
}

}  // namespace warta
