// The component model's checks and its DTI at the means (component_model.hpp).
#include "dtiplan/rank/component_model.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include "dtiplan/error.hpp"
#include "rank/detail/component_points.hpp"

namespace dtiplan {

std::vector<std::string> component_ids(const Framework& framework) {
    std::vector<std::string> ids;
    for (const auto* c : detail::components_of(framework)) ids.push_back(c->id);
    return ids;
}

void validate_component_model(const ComponentModel& model, const Framework& framework) {
    const std::vector<std::string> ids = component_ids(framework);
    if (model.components != ids) {
        std::string detail = "expected the framework's " + std::to_string(ids.size()) +
                             " component ids in its order";
        for (std::size_t k = 0; k < std::max(ids.size(), model.components.size()); ++k) {
            const std::string want = k < ids.size() ? ids[k] : "(none)";
            const std::string got = k < model.components.size() ? model.components[k] : "(none)";
            if (want != got) {
                detail += "; at " + std::to_string(k) + " expected \"" + want + "\", found \"" +
                          got + "\"";
                break;
            }
        }
        throw ValidationError("components", detail);
    }
    const auto n = static_cast<Eigen::Index>(model.units.size());
    const auto k = static_cast<Eigen::Index>(ids.size());
    if (model.units.empty()) throw ValidationError("units", "no units");
    if (model.mean.rows() != n || model.mean.cols() != k)
        throw ValidationError("mean", "expected " + std::to_string(n) + " × " + std::to_string(k) +
                                          ", found " + std::to_string(model.mean.rows()) + " × " +
                                          std::to_string(model.mean.cols()));
    if (model.sd.rows() != n || model.sd.cols() != k)
        throw ValidationError("sd", "expected " + std::to_string(n) + " × " + std::to_string(k) +
                                        ", found " + std::to_string(model.sd.rows()) + " × " +
                                        std::to_string(model.sd.cols()));
    std::set<std::string, std::less<>> seen;
    for (std::size_t i = 0; i < model.units.size(); ++i) {
        if (model.units[i].empty())
            throw ValidationError("units[" + std::to_string(i) + "]", "empty unit name");
        if (!seen.insert(model.units[i]).second)
            throw ValidationError("units[" + std::to_string(i) + "]",
                                  "the unit \"" + model.units[i] + "\" appears twice");
    }
    const auto cell_of = [&](Eigen::Index i, Eigen::Index j) {
        std::string cell = "(";
        cell += std::to_string(i);
        cell += ", ";
        cell += std::to_string(j);
        cell += ") (";
        cell += model.units[static_cast<std::size_t>(i)];
        cell += ", ";
        cell += ids[static_cast<std::size_t>(j)];
        cell += ")";
        return cell;
    };
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = 0; j < k; ++j) {
            const double m = model.mean(i, j);
            const double s = model.sd(i, j);
            if (!std::isfinite(m) || m < 0.0 || m > 1.0)
                throw ValidationError("mean" + cell_of(i, j),
                                      "expected a value from 0 to 1, found " + std::to_string(m));
            if (!std::isfinite(s) || s < 0.0)
                throw ValidationError("sd" + cell_of(i, j),
                                      "expected a spread >= 0, found " + std::to_string(s));
        }
    }
}

std::vector<double> dti_at_means(const ComponentModel& model, const Framework& framework) {
    validate_component_model(model, framework);
    const auto comps = detail::components_of(framework);
    const std::size_t n = model.units.size();
    const std::size_t k = comps.size();
    std::vector<double> best(k, 0.0);
    for (std::size_t j = 0; j < k; ++j)
        for (std::size_t i = 0; i < n; ++i)
            best[j] = std::max(
                best[j], model.mean(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)));
    const double total = framework.max_points();
    std::vector<double> out(n, 0.0);
    std::vector<double> row(k);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < k; ++j)
            row[j] = model.mean(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
        out[i] = total > 0.0 ? detail::unit_points(comps, row.data(), best) / total : 0.0;
    }
    return out;
}

}  // namespace dtiplan
