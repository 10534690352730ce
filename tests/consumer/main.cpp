// A commune program outside the project, using the installed dtiplan the way commune software
// would: it checks the built-in plan, then runs the pipeline `dtiplan rank` runs (projection,
// untracked fill, peers grown to the evaluation date, rank distribution, points needed) with the
// library's defaults, which are the command's, and prints the results as JSON lines whose keys
// are those of `dtiplan rank --format json` (tests/python/test_consumer_pipeline.py compares them).
//
//   dtiplan_consumer [OBSERVATIONS.csv] [--as-of DATE] [--to DATE]
//
// Without a file it uses the illustrative observations embedded in the library; DATE is
// YYYY-MM-DD or DD/MM/YYYY; --as-of defaults to today and --to to the plan's first milestone.
#include <dtiplan/dtiplan.hpp>

#include <charconv>
#include <cstdio>
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace {

std::string number(double x) {
    char buf[64];
    const auto result = std::to_chars(buf, buf + sizeof buf, x);  // shortest round trip
    return std::string(buf, result.ptr);
}

std::string quoted(std::string_view s) {
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char esc[8];
            std::snprintf(esc, sizeof esc, "\\u%04x", static_cast<unsigned>(c));
            out += esc;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string boolean(bool b) { return b ? "true" : "false"; }

std::string needed_json(const dtiplan::PointsNeeded& n) {
    return "{\"reachable\": " + boolean(n.reachable) + ", \"dti\": " + number(n.dti) +
           ", \"points\": " + number(n.points) + ", \"gap_points\": " + number(n.gap_points) +
           ", \"prob_at_projection\": " + number(n.prob_at_projection) +
           ", \"prob_at_needed\": " + number(n.prob_at_needed) + "}";
}

int usage(const std::string& why) {
    std::cerr << "dtiplan_consumer: " << why
              << "\nusage: dtiplan_consumer [OBSERVATIONS.csv] [--as-of DATE] [--to DATE]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::optional<std::string> observations_path;
    dtiplan::OutlookOptions options;
    options.improve = false;  // `dtiplan rank` ranks; `dtiplan improve` plans the improvements
    try {
        for (int i = 1; i < argc; ++i) {
            const std::string_view arg = argv[i];
            if (arg == "--as-of" || arg == "--to") {
                if (i + 1 >= argc) return usage(std::string(arg) + " needs a date");
                const dtiplan::Date day = dtiplan::parse_date(argv[++i]);
                (arg == "--as-of" ? options.as_of : options.evaluation) = day;
            } else if (!arg.empty() && arg.front() == '-') {
                return usage("unknown option " + std::string(arg));
            } else if (observations_path) {
                return usage("one observations file at most");
            } else {
                observations_path = std::string(arg);
            }
        }

        // The built-in plan and framework, checked as a commune program would.
        const dtiplan::Plan plan = dtiplan::builtin_plan();
        const auto findings = dtiplan::check_plan(plan);
        const dtiplan::Indicator* usage_rate = plan.find_indicator("I.03");
        if (usage_rate == nullptr || usage_rate->targets_for(2026).empty()) {
            std::cerr << "consumer: I.03 or its 2026 target is missing\n";
            return 1;
        }
        const dtiplan::Target& t = *usage_rate->targets_for(2026).front();
        if (t.text != "Trên 80%" || t.met(0.80) || !t.met(0.81)) {
            std::cerr << "consumer: unexpected reading of " << t << "\n";
            return 1;
        }
        const dtiplan::Framework framework = dtiplan::builtin_framework();
        const dtiplan::Coverage cover = dtiplan::coverage(framework, plan);
        if (framework.component_count() != 47 || cover.tracked_points <= 0) {
            std::cerr << "consumer: unexpected built-in framework\n";
            return 1;
        }
        if (dtiplan::has_errors(findings)) {
            std::cerr << "consumer: the built-in plan has errors\n";
            return 1;
        }
        std::cout << "{\"plan\": " << quoted(plan.id) << ", \"findings\": " << findings.size()
                  << ", \"components\": " << framework.component_count()
                  << ", \"tracked_points\": " << number(cover.tracked_points)
                  << ", \"max_points\": " << number(framework.max_points()) << "}\n";

        // The pipeline, with the library's defaults (the command's).
        const dtiplan::ObservationLog log =
            observations_path ? dtiplan::load_observations(*observations_path, plan)
                              : dtiplan::example_observations(plan);
        const dtiplan::Outlook o = dtiplan::rank_outlook(plan, framework, log, options);
        std::cout << "{\"commune\": " << quoted(o.commune)
                  << ", \"evaluation\": " << quoted(dtiplan::format_date(o.evaluation))
                  << ", \"illustrative\": " << boolean(o.illustrative()) << "}\n";
        std::cout << "{\"projected_dti\": " << number(o.projected_dti())
                  << ", \"tracked_dti\": " << number(o.tracked_dti) << "}\n";
        std::cout << "{\"goal\": {\"top\": " << o.top << ", \"of\": " << o.units()
                  << "}, \"prob_top\": " << number(o.distribution.prob_top(o.top))
                  << ", \"expected_rank\": " << number(o.distribution.expected()) << "}\n";
        std::cout << "{\"points_needed\": " << needed_json(o.needed) << "}\n";
        std::cout << "{\"points_needed_keeping_spread\": " << needed_json(o.needed_shift) << "}\n";
        return 0;
    } catch (const dtiplan::Error& e) {
        std::cerr << "dtiplan_consumer: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "dtiplan_consumer: " << e.what() << "\n";
        return 1;
    }
}
