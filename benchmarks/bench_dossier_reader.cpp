// The dossier reader alone, for benchmarks/bench_dossiers.py: reads a CSV export with the built-in
// plan and prints, as JSON, the wall-clock and CPU seconds of the pass (both threads: the rows on
// one, the file's SHA-256 on the other) and each window's commune counts, which the script compares
// with pandas'.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <exception>

#include "dtiplan/dossier/reader.hpp"
#include "dtiplan/io/builtin.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: dtiplan_bench_dossiers FILE.csv\n");
        return 2;
    }
    try {
        const dtiplan::Plan plan = dtiplan::builtin_plan();
        const std::clock_t c0 = std::clock();
        const auto t0 = std::chrono::steady_clock::now();
        const dtiplan::DossierSummary s = dtiplan::read_dossiers(argv[1], &plan);
        const auto t1 = std::chrono::steady_clock::now();
        const std::clock_t c1 = std::clock();
        std::printf("{\"rows\": %zu, \"wall_seconds\": %.3f, \"cpu_seconds\": %.3f, \"windows\": {",
                    s.rows, std::chrono::duration<double>(t1 - t0).count(),
                    static_cast<double>(c1 - c0) / CLOCKS_PER_SEC);
        const char* sep = "";
        for (const auto& w : s.windows) {
            const auto& t = w.commune;
            std::printf(
                "%s\"%s\": {\"dossiers\": %zu, \"with_online_service\": %zu, "
                "\"online_with_service\": %zu, \"full_online_procedure\": %zu, "
                "\"full_online_done\": %zu, \"digitised\": %zu, \"filed_online\": %zu, "
                "\"with_result\": %zu, \"e_result\": %zu, \"with_fee\": %zu, \"paid_online\": %zu, "
                "\"on_time\": %zu, \"late\": %zu}",
                sep, w.period.to_string().c_str(), t.dossiers, t.with_online_service,
                t.online_with_service, t.full_online_procedure, t.full_online_done, t.digitised,
                t.filed_online, t.with_result, t.e_result, t.with_fee, t.paid_online, t.on_time,
                t.late);
            sep = ", ";
        }
        std::printf("}}\n");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
