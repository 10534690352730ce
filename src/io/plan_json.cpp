// Plan <-> JSON (schema dtiplan.plan/1, docs/plan-schema.md). Reading is strict: every field is
// checked for presence and type, unknown fields are rejected, and every error names the origin
// and the JSON path, because a coordinator editing a plan by hand needs to know where to look.
// Checks that need the whole plan (duplicate ids, unknown units) are left to check_plan, so that
// a faulty plan can still be loaded and reported on.
#include <algorithm>
#include <cstdio>
#include <initializer_list>
#include <string_view>

#include <nlohmann/json.hpp>

#include "detail/json_cursor.hpp"
#include "dtiplan/error.hpp"
#include "dtiplan/io/file.hpp"
#include "dtiplan/io/plan_json.hpp"
#include "dtiplan/model/target_phrase.hpp"

namespace dtiplan {
namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

using detail::Cursor;

constexpr std::string_view kSchema = "dtiplan.plan/1";

SourceRef read_source(const Cursor& c) {
    c.expect_object({"section", "item"});
    return {c.required("section").string(), c.required("item").string()};
}

std::vector<SourceRef> read_sources(const Cursor& c) {
    std::vector<SourceRef> out;
    c.each([&](const Cursor& s) { out.push_back(read_source(s)); });
    return out;
}

Level read_level(const Cursor& c) {
    return c.enumeration<Level>(&level_from_string, {"commune", "upper"});
}
Role read_role(const Cursor& c) {
    return c.enumeration<Role>(&role_from_string,
                               {"lead", "coordinating", "tracking", "upper-lead"});
}
Pillar read_pillar(const Cursor& c) {
    return c.enumeration<Pillar>(
        &pillar_from_string, {"awareness", "institution", "infrastructure", "workforce", "security",
                              "government", "economy", "society"});
}
MeasureKind read_kind(const Cursor& c) {
    return c.enumeration<MeasureKind>(&measure_kind_from_string,
                                      {"rate", "count-of-total", "yes-no", "milestone"});
}
Comparator read_comparator(const Cursor& c) {
    return c.enumeration<Comparator>(&comparator_from_string, {"at-least", "above", "exactly"});
}
Direction read_direction(const Cursor& c) {
    return c.enumeration<Direction>(&direction_from_string, {"increase", "decrease"});
}

Target read_target(const Cursor& c) {
    c.expect_object({"year", "text", "source", "year_inferred", "kind", "comparator", "value",
                     "denominator", "basis", "aspirational"});
    Target t;
    t.year = c.required("year").integer();
    const Cursor text = c.required("text");
    t.text = text.string();
    t.source = read_source(c.required("source"));
    if (c.has("year_inferred")) t.year_inferred = c.at("year_inferred").boolean();
    if (c.has("comparator")) {
        t.parsed.kind = read_kind(c.required("kind"));
        t.parsed.comparator = read_comparator(c.at("comparator"));
        t.parsed.value = c.required("value").number();
        if (c.has("denominator")) t.parsed.denominator = c.at("denominator").number();
        t.parsed.basis = optional_string(c, "basis");
        if (c.has("aspirational")) t.parsed.aspirational = c.at("aspirational").boolean();
    } else {
        for (std::string_view k : {"kind", "value", "denominator", "basis", "aspirational"})
            if (c.has(k))
                c.at(k).fail(
                    "a target's reading needs \"comparator\" too; give all of kind, "
                    "comparator and value, or none to read them from the text");
        try {
            t.parsed = parse_target_phrase(t.text);
        } catch (const TargetPhraseError& e) {
            throw TargetPhraseError(text.where(), e.detail());
        }
    }
    return t;
}

Indicator read_indicator(const Cursor& c) {
    c.expect_object({"id", "name", "pillar", "kind", "direction", "targets", "assignments",
                     "responsibility_text", "task", "sources"});
    Indicator ind;
    ind.id = c.required("id").string();
    if (ind.id.empty()) c.at("id").fail("an indicator id must not be empty");
    ind.name = c.required("name").string();
    ind.pillar = read_pillar(c.required("pillar"));
    ind.kind = read_kind(c.required("kind"));
    if (c.has("direction")) ind.direction = read_direction(c.at("direction"));
    c.required("targets").each([&](const Cursor& t) { ind.targets.push_back(read_target(t)); });
    if (c.has("assignments"))
        c.at("assignments").each([&](const Cursor& a) {
            a.expect_object({"unit", "role", "note"});
            ind.assignments.push_back({a.required("unit").string(), read_role(a.required("role")),
                                       optional_string(a, "note")});
        });
    if (c.has("responsibility_text")) {
        const Cursor r = c.at("responsibility_text");
        r.expect_object({"lead", "coordinating", "tracking"});
        ind.responsibility_text = {optional_string(r, "lead"), optional_string(r, "coordinating"),
                                   optional_string(r, "tracking")};
    }
    ind.task = optional_string(c, "task");
    if (c.has("sources")) ind.sources = read_sources(c.at("sources"));
    return ind;
}

Plan read_plan(const Cursor& c) {
    c.expect_object({"schema", "id", "title", "issuer", "commune", "province", "period",
                     "milestones", "goal", "reporting", "units", "groups", "indicators"});
    const Cursor schema = c.required("schema");
    if (schema.string() != kSchema)
        schema.fail("expected \"" + std::string(kSchema) + "\", found \"" + schema.string() + "\"");
    Plan p;
    p.id = c.required("id").string();
    if (p.id.empty()) c.at("id").fail("a plan id must not be empty");
    p.title = c.required("title").string();
    p.issuer = c.required("issuer").string();
    p.commune = c.required("commune").string();
    p.province = c.required("province").string();

    const Cursor period = c.required("period");
    period.expect_object({"start", "end"});
    p.start_year = period.required("start").integer();
    p.end_year = period.required("end").integer();
    if (p.start_year > p.end_year)
        period.fail("start (" + std::to_string(p.start_year) + ") is after end (" +
                    std::to_string(p.end_year) + ")");

    c.required("milestones").each([&](const Cursor& m) {
        const int year = m.integer();
        if (year < p.start_year || year > p.end_year)
            m.fail("milestone " + std::to_string(year) + " is outside the period " +
                   std::to_string(p.start_year) + "-" + std::to_string(p.end_year));
        if (!p.milestones.empty() && year <= p.milestones.back())
            m.fail("milestones must be in ascending order");
        p.milestones.push_back(year);
    });

    const Cursor goal = c.required("goal");
    goal.expect_object({"text", "top", "of", "scope", "source"});
    p.goal.text = goal.required("text").string();
    p.goal.top = goal.required("top").integer();
    p.goal.of = goal.required("of").integer();
    if (p.goal.top < 1) goal.at("top").fail("expected a positive rank");
    if (p.goal.of < p.goal.top)
        goal.at("of").fail("the number of units (" + std::to_string(p.goal.of) +
                           ") is smaller than the top " + std::to_string(p.goal.top));
    p.goal.scope = optional_string(goal, "scope");
    if (goal.has("source")) p.goal.source = read_source(goal.at("source"));

    const Cursor rep = c.required("reporting");
    rep.expect_object({"unit_report_before_day", "consolidated_report_before_day", "consolidator",
                       "recipient", "window", "report_recipients", "sources"});
    auto day = [&](std::string_view key) {
        const Cursor d = rep.required(key);
        const int v = d.integer();
        if (v < 1 || v > 28)
            d.fail("expected a day of the month from 1 to 28, found " + std::to_string(v));
        return v;
    };
    p.reporting.unit_report_before_day = day("unit_report_before_day");
    p.reporting.consolidated_report_before_day = day("consolidated_report_before_day");
    p.reporting.consolidator = rep.required("consolidator").string();
    p.reporting.recipient = rep.required("recipient").string();
    if (rep.has("window"))
        p.reporting.window = rep.at("window").enumeration<ReportingWindow>(
            &reporting_window_from_string, {"decree-09", "calendar-month"});
    if (rep.has("report_recipients"))
        rep.at("report_recipients").each([&](const Cursor& r) {
            p.reporting.report_recipients.push_back(r.string());
        });
    if (rep.has("sources")) p.reporting.sources = read_sources(rep.at("sources"));

    c.required("units").each([&](const Cursor& u) {
        u.expect_object({"id", "name", "short_name", "level"});
        Unit unit{u.required("id").string(), u.required("name").string(),
                  optional_string(u, "short_name"), read_level(u.required("level"))};
        if (unit.id.empty()) u.at("id").fail("a unit id must not be empty");
        if (unit.short_name.empty()) unit.short_name = unit.name;
        p.units.push_back(std::move(unit));
    });
    c.required("groups").each([&](const Cursor& g) {
        g.expect_object({"id", "name", "all_commune_units", "members", "note"});
        UnitGroup group;
        group.id = g.required("id").string();
        group.name = g.required("name").string();
        if (g.has("all_commune_units"))
            group.all_commune_units = g.at("all_commune_units").boolean();
        if (g.has("members"))
            g.at("members").each([&](const Cursor& m) { group.members.push_back(m.string()); });
        if (group.all_commune_units && !group.members.empty())
            g.at("members").fail("a group of all commune units lists no members");
        group.note = optional_string(g, "note");
        p.groups.push_back(std::move(group));
    });
    c.required("indicators").each([&](const Cursor& i) {
        p.indicators.push_back(read_indicator(i));
    });
    return p;
}

// ---- writing --------------------------------------------------------------------------------

ojson write_source(const SourceRef& s) { return ojson{{"section", s.section}, {"item", s.item}}; }

ojson write_sources(const std::vector<SourceRef>& v) {
    ojson out = ojson::array();
    for (const auto& s : v) out.push_back(write_source(s));
    return out;
}

ojson write_target(const Target& t) {
    ojson o;
    o["year"] = t.year;
    o["text"] = t.text;
    o["source"] = write_source(t.source);
    o["year_inferred"] = t.year_inferred;
    o["kind"] = to_string(t.parsed.kind);
    o["comparator"] = to_string(t.parsed.comparator);
    o["value"] = t.parsed.value;
    o["denominator"] = t.parsed.denominator ? ojson(*t.parsed.denominator) : ojson(nullptr);
    o["basis"] = t.parsed.basis;
    o["aspirational"] = t.parsed.aspirational;
    return o;
}

ojson write_indicator(const Indicator& ind) {
    ojson o;
    o["id"] = ind.id;
    o["name"] = ind.name;
    o["pillar"] = to_string(ind.pillar);
    o["kind"] = to_string(ind.kind);
    o["direction"] = to_string(ind.direction);
    o["targets"] = ojson::array();
    for (const auto& t : ind.targets) o["targets"].push_back(write_target(t));
    o["assignments"] = ojson::array();
    for (const auto& a : ind.assignments)
        o["assignments"].push_back(
            ojson{{"unit", a.unit}, {"role", to_string(a.role)}, {"note", a.note}});
    o["responsibility_text"] = ojson{{"lead", ind.responsibility_text.lead},
                                     {"coordinating", ind.responsibility_text.coordinating},
                                     {"tracking", ind.responsibility_text.tracking}};
    o["task"] = ind.task;
    o["sources"] = write_sources(ind.sources);
    return o;
}

ojson write_plan(const Plan& p) {
    ojson o;
    o["schema"] = kSchema;
    o["id"] = p.id;
    o["title"] = p.title;
    o["issuer"] = p.issuer;
    o["commune"] = p.commune;
    o["province"] = p.province;
    o["period"] = ojson{{"start", p.start_year}, {"end", p.end_year}};
    o["milestones"] = p.milestones;
    o["goal"] = ojson{{"text", p.goal.text},
                      {"top", p.goal.top},
                      {"of", p.goal.of},
                      {"scope", p.goal.scope},
                      {"source", write_source(p.goal.source)}};
    o["reporting"] =
        ojson{{"unit_report_before_day", p.reporting.unit_report_before_day},
              {"consolidated_report_before_day", p.reporting.consolidated_report_before_day},
              {"consolidator", p.reporting.consolidator},
              {"recipient", p.reporting.recipient},
              {"window", to_string(p.reporting.window)},
              {"report_recipients", p.reporting.report_recipients},
              {"sources", write_sources(p.reporting.sources)}};
    o["units"] = ojson::array();
    for (const auto& u : p.units)
        o["units"].push_back(ojson{{"id", u.id},
                                   {"name", u.name},
                                   {"short_name", u.short_name},
                                   {"level", to_string(u.level)}});
    o["groups"] = ojson::array();
    for (const auto& g : p.groups)
        o["groups"].push_back(ojson{{"id", g.id},
                                    {"name", g.name},
                                    {"all_commune_units", g.all_commune_units},
                                    {"members", g.members},
                                    {"note", g.note}});
    o["indicators"] = ojson::array();
    for (const auto& ind : p.indicators) o["indicators"].push_back(write_indicator(ind));
    return o;
}

}  // namespace

Plan plan_from_json(std::string_view json_text, const std::string& origin) {
    const json doc = detail::parse_document(json_text, origin);
    return read_plan(Cursor(doc, origin, ""));
}

std::string plan_to_json(const Plan& plan) { return write_plan(plan).dump(2) + "\n"; }

Plan load_plan(const std::filesystem::path& path) {
    return plan_from_json(read_file(path), path.string());
}

void save_plan(const Plan& plan, const std::filesystem::path& path) {
    write_file_atomically(path, plan_to_json(plan));
}

}  // namespace dtiplan
