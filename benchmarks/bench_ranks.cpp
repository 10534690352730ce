// The rank engine's benchmark program (docs/performance.md), driven by run_benchmarks.py:
//   dtiplan_bench info
//   dtiplan_bench model    --units N [--seed S] --out DIR
//   dtiplan_bench simulate --units N [--seed S] --draws D [--threads T] [--sim-seed X]
//                          [--repeat R] [--out FILE.npy] [--kernel K]
//     (K: automatic, baseline, avx2, avx512, avx512-gather; the same numbers from each)
//   dtiplan_bench exact    --units N [--seed S] [--repeat R] [--top K]
//     (--top K: P(top K) and E[rank] by rank_head_exact; without it the whole pmf)
// The province is the seeded synthetic one (illustrative, not real results) on the built-in
// framework; "model" writes it for the numpy reference (mean.npy, sd.npy, model.json) so both
// implementations run on the same inputs. Results are JSON on stdout.
#include <sys/resource.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "dtiplan/dtiplan.hpp"

using namespace dtiplan;

namespace {

struct Args {
    std::string command;
    std::size_t units = kDongNaiCommuneUnits;
    std::uint64_t seed = 20250701;
    std::size_t draws = 10000;
    std::size_t threads = 0;
    std::uint64_t sim_seed = kDefaultSeed;
    int repeat = 1;
    std::size_t top = 0;
    std::string out;
    SimulationKernel kernel = SimulationKernel::Automatic;
};

SimulationKernel parse_kernel(const std::string& name) {
    for (const SimulationKernel k :
         {SimulationKernel::Automatic, SimulationKernel::Baseline, SimulationKernel::Avx2,
          SimulationKernel::Avx512, SimulationKernel::Avx512Gather})
        if (name == to_string(k)) return k;
    throw std::runtime_error("unknown kernel " + name +
                             " (automatic, baseline, avx2, avx512, avx512-gather)");
}

Args parse(int argc, char** argv) {
    Args a;
    if (argc < 2)
        throw std::runtime_error("usage: dtiplan_bench info|model|simulate|exact [options]");
    a.command = argv[1];
    for (int i = 2; i < argc; ++i) {
        const std::string key = argv[i];
        if (i + 1 >= argc) throw std::runtime_error("missing value after " + key);
        const std::string value = argv[++i];
        if (key == "--units")
            a.units = std::stoul(value);
        else if (key == "--seed")
            a.seed = std::stoull(value);
        else if (key == "--draws")
            a.draws = std::stoul(value);
        else if (key == "--threads")
            a.threads = std::stoul(value);
        else if (key == "--sim-seed")
            a.sim_seed = std::stoull(value);
        else if (key == "--repeat")
            a.repeat = std::stoi(value);
        else if (key == "--out")
            a.out = value;
        else if (key == "--top")
            a.top = std::stoul(value);
        else if (key == "--kernel")
            a.kernel = parse_kernel(value);
        else
            throw std::runtime_error("unknown option " + key);
    }
    return a;
}

double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

/// The process's peak resident memory so far, in MB: VmHWM of /proc/self/status, which starts
/// afresh with the program (getrusage's ru_maxrss does not: Linux carries the launching
/// process's peak over to the program it starts, so a benchmark run from a large Python process
/// would show that process's memory). getrusage where /proc is missing.
double peak_rss_mb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

/// A C-order float64 array as a .npy file (format version 1.0).
void write_npy(const std::filesystem::path& path, const double* data, std::size_t rows,
               std::size_t cols) {
    std::string header = "{'descr': '<f8', 'fortran_order': False, 'shape': (" +
                         std::to_string(rows) + ", " + std::to_string(cols) + "), }";
    const std::size_t total = 10 + header.size() + 1;
    header.append((64 - total % 64) % 64, ' ');
    header += '\n';
    std::ofstream f(path, std::ios::binary);
    f.write("\x93NUMPY\x01\x00", 8);
    const auto len = static_cast<std::uint16_t>(header.size());
    const char len_bytes[2] = {static_cast<char>(len & 0xFF), static_cast<char>(len >> 8)};
    f.write(len_bytes, 2);
    f.write(header.data(), static_cast<std::streamsize>(header.size()));
    f.write(reinterpret_cast<const char*>(data),
            static_cast<std::streamsize>(rows * cols * sizeof(double)));
    if (!f) throw std::runtime_error("cannot write " + path.string());
}

/// Row-major copy of an Eigen matrix.
std::vector<double> row_major(const Eigen::MatrixXd& m) {
    std::vector<double> out(static_cast<std::size_t>(m.size()));
    for (Eigen::Index i = 0; i < m.rows(); ++i)
        for (Eigen::Index j = 0; j < m.cols(); ++j)
            out[static_cast<std::size_t>(i * m.cols() + j)] = m(i, j);
    return out;
}

SyntheticProvince province(const Framework& f, const Args& a) {
    SyntheticOptions o;
    o.units = a.units;
    o.seed = a.seed;
    return synthetic_province(f, o);
}

/// The rules as the numpy reference applies them (the semantics of rule_points()).
std::string rules_json(const Framework& f) {
    std::ostringstream s;
    s << "[";
    bool first = true;
    for (const auto& m : f.main_indicators)
        for (const auto& c : m.components) {
            s << (first ? "" : ",") << "{\"id\":" << json_string(c.id)
              << ",\"max_points\":" << c.max_points;
            first = false;
            switch (c.rule.kind) {
                case RuleKind::Proportional:
                case RuleKind::Target:  // without a target: against 100%, i.e. proportional
                    s << ",\"kind\":\"proportional\"}";
                    break;
                case RuleKind::YesNo: s << ",\"kind\":\"yes-no\"}"; break;
                case RuleKind::RelativeToBest: s << ",\"kind\":\"relative-to-best\"}"; break;
                case RuleKind::Steps:
                case RuleKind::Categorical: {
                    s << ",\"kind\":\"thresholds\",\"thresholds\":[";
                    bool f2 = true;
                    const auto add = [&](double at, double points) {
                        s << (f2 ? "" : ",") << "[" << at - TargetValue::kTolerance << ","
                          << std::clamp(points, 0.0, c.max_points) << "]";
                        f2 = false;
                    };
                    if (c.rule.kind == RuleKind::Steps)
                        for (const auto& st : c.rule.steps) add(st.threshold, st.points);
                    else
                        for (const auto& lv : c.rule.levels) add(lv.value, lv.share * c.max_points);
                    s << "]}";
                    break;
                }
            }
        }
    s << "]";
    return s.str();
}

int info() {
    std::cout << "{\"compiler\":"
              << json_string(
#if defined(__clang__)
                     std::string("clang ") + __clang_version__
#elif defined(__GNUC__)
                     std::string("gcc ") + __VERSION__
#else
                     std::string("unknown")
#endif
                     )
              << ",\"dtiplan\":" << json_string(kVersion)
              << ",\"hardware_threads\":" << std::thread::hardware_concurrency()
#if defined(__GNUC__) && defined(__x86_64__)
              << ",\"avx2\":" << (__builtin_cpu_supports("avx2") ? "true" : "false")
              << ",\"avx512f\":" << (__builtin_cpu_supports("avx512f") ? "true" : "false")
#endif
              << ",\"kernels\":[";
    const auto kernels = available_simulation_kernels();
    for (std::size_t i = 0; i < kernels.size(); ++i)
        std::cout << (i ? "," : "") << json_string(to_string(kernels[i]));
    std::cout << "]}\n";
    return 0;
}

int model(const Args& a) {
    if (a.out.empty()) throw std::runtime_error("model needs --out DIR");
    const Framework f = builtin_framework();
    const SyntheticProvince p = province(f, a);
    std::filesystem::create_directories(a.out);
    const std::filesystem::path dir(a.out);
    write_npy(dir / "mean.npy", row_major(p.model.mean).data(), p.model.units.size(),
              p.model.components.size());
    write_npy(dir / "sd.npy", row_major(p.model.sd).data(), p.model.units.size(),
              p.model.components.size());
    std::ofstream j(dir / "model.json");
    j << "{\"description\":" << json_string(p.description)
      << ",\"illustrative\":true,\"seed\":" << a.seed << ",\"framework\":" << json_string(f.id)
      << ",\"total_points\":" << f.max_points() << ",\"units\":[";
    for (std::size_t i = 0; i < p.model.units.size(); ++i)
        j << (i ? "," : "") << json_string(p.model.units[i]);
    j << "],\"components\":[";
    for (std::size_t k = 0; k < p.model.components.size(); ++k)
        j << (k ? "," : "") << json_string(p.model.components[k]);
    j << "],\"rules\":" << rules_json(f) << "}\n";
    if (!j) throw std::runtime_error("cannot write model.json");
    std::cout << "{\"units\":" << p.model.units.size()
              << ",\"components\":" << p.model.components.size()
              << ",\"description\":" << json_string(p.description) << "}\n";
    return 0;
}

SimulationKernel resolved_kernel(SimulationKernel k) {
    return k == SimulationKernel::Automatic ? automatic_simulation_kernel() : k;
}

int simulate(const Args& a) {
    const Framework f = builtin_framework();
    const SyntheticProvince p = province(f, a);
    SimulationOptions o;
    o.draws = a.draws;
    o.threads = a.threads;
    o.seed = a.sim_seed;
    o.kernel = a.kernel;
    RankSimulation result;
    std::vector<double> walls;
    std::vector<double> cpus;
    for (int r = 0; r < std::max(1, a.repeat); ++r) {
        const double c0 = cpu_seconds();
        const auto t0 = std::chrono::steady_clock::now();
        result = simulate_ranks(f, p.model, o);
        const auto t1 = std::chrono::steady_clock::now();
        walls.push_back(std::chrono::duration<double>(t1 - t0).count());
        cpus.push_back(cpu_seconds() - c0);
    }
    if (!a.out.empty())
        write_npy(a.out, row_major(result.probabilities).data(), result.units.size(),
                  result.units.size());
    std::cout << "{\"units\":" << p.model.units.size()
              << ",\"components\":" << p.model.components.size() << ",\"draws\":" << a.draws
              << ",\"threads\":" << (a.threads ? a.threads : std::thread::hardware_concurrency())
              << ",\"kernel\":" << json_string(to_string(resolved_kernel(a.kernel)))
              << ",\"wall_seconds\":[";
    for (std::size_t i = 0; i < walls.size(); ++i) std::cout << (i ? "," : "") << walls[i];
    std::cout << "],\"cpu_seconds\":[";
    for (std::size_t i = 0; i < cpus.size(); ++i) std::cout << (i ? "," : "") << cpus[i];
    std::cout << "]}\n";
    return 0;
}

int exact(const Args& a) {
    // The unit 10th by DTI against all the others, a year of growth (+0.02 ± 0.02 each, a
    // province-wide shock of ± 0.01), its own projection ± 0.02.
    const Framework f = builtin_framework();
    const SyntheticProvince p = province(f, a);
    std::vector<std::size_t> order(p.dti.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t x, std::size_t y) { return p.dti[x] > p.dti[y]; });
    const std::size_t own_index = order[std::min<std::size_t>(9, order.size() - 1)];
    GrowthModel g;
    g.mean = 0.02;
    g.sd = 0.02;
    g.shock_sd = 0.01;
    const auto peers =
        evolve_peers(p.peers, g, default_evaluation_date(), p.model.units[own_index]);
    const OwnScore own = OwnScore::normal(p.dti[own_index] + 0.02, 0.02);
    std::vector<double> walls;
    double expected = 0.0;
    double top10 = 0.0;
    // Progress: the calls made and the longest wait between two of them (or from the start).
    std::size_t calls = 0;
    std::size_t points = 0;  // the points the method evaluates (its progress total)
    double longest = 0.0;
    for (int r = 0; r < std::max(1, a.repeat); ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        auto last = t0;
        calls = 0;
        longest = 0.0;
        const ExactProgress progress = [&](std::size_t, std::size_t total) {
            points = total;
            const auto now = std::chrono::steady_clock::now();
            longest = std::max(longest, std::chrono::duration<double>(now - last).count());
            last = now;
            ++calls;
            return true;
        };
        if (a.top > 0) {
            const RankHead h = rank_head_exact(own, peers, a.top, {}, progress);
            expected = h.expected;
            top10 = h.prob_top(std::min<int>(10, static_cast<int>(a.top)));
        } else {
            const RankDistribution d = rank_distribution_exact(own, peers, {}, progress);
            expected = d.expected();
            top10 = d.prob_top(10);
        }
        walls.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::cout << "{\"peers\":" << peers.size()
              << ",\"own\":" << json_string(p.model.units[own_index]) << ",\"top\":" << a.top
              << ",\"expected_rank\":" << expected << ",\"prob_top10\":" << top10
              << ",\"points\":" << points << ",\"progress_calls\":" << calls
              << ",\"longest_between_calls\":" << longest << ",\"peak_rss_mb\":" << peak_rss_mb()
              << ",\"wall_seconds\":[";
    for (std::size_t i = 0; i < walls.size(); ++i) std::cout << (i ? "," : "") << walls[i];
    std::cout << "]}\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const Args a = parse(argc, argv);
        if (a.command == "info") return info();
        if (a.command == "model") return model(a);
        if (a.command == "simulate") return simulate(a);
        if (a.command == "exact") return exact(a);
        throw std::runtime_error("unknown command " + a.command);
    } catch (const std::exception& e) {
        std::cerr << "dtiplan_bench: " << e.what() << "\n";
        return 2;
    }
}
