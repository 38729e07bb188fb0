#include "core/analysis/umap_curve.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <vector>

namespace lantern::core {
namespace {

constexpr int kSamples = 300;

struct Sample {
    double distance = 0;
    double target = 0;
};

double squaredError(const std::vector<Sample>& samples, double a, double b)
{
    double sum = 0;
    for (const Sample& s : samples) {
        const double r = 1.0 / (1.0 + a * std::pow(s.distance, 2 * b)) - s.target;
        sum += r * r;
    }
    return sum;
}

} // namespace

UmapCurve fitUmapCurve(double minDist, double spread)
{
    spread = std::max(spread, 0.01);
    minDist = std::clamp(minDist, 0.0, spread * 0.999);
    std::vector<Sample> samples(kSamples);
    for (int i = 0; i < kSamples; ++i) {
        const double d = 3 * spread * i / (kSamples - 1);
        samples[std::size_t(i)] = {d, d < minDist ? 1.0 : std::exp(-(d - minDist) / spread)};
    }

    // Levenberg–Marquardt on the two parameters: Gauss–Newton steps damped by λ, which grows
    // when a step would not lower the error and shrinks when it does.
    double a = 1, b = 1, lambda = 1e-3;
    double error = squaredError(samples, a, b);
    for (int iteration = 0; iteration < 200; ++iteration) {
        Eigen::Matrix2d normal = Eigen::Matrix2d::Zero();
        Eigen::Vector2d gradient = Eigen::Vector2d::Zero();
        for (const Sample& s : samples) {
            if (s.distance <= 0)
                continue; // the curve is 1 there whatever a and b are
            const double power = std::pow(s.distance, 2 * b);
            const double f = 1.0 / (1.0 + a * power);
            const Eigen::Vector2d jacobian(
                -power * f * f, -a * power * 2 * std::log(s.distance) * f * f);
            normal += jacobian * jacobian.transpose();
            gradient += jacobian * (f - s.target);
        }
        bool improved = false;
        while (lambda < 1e12) {
            Eigen::Matrix2d damped = normal;
            damped.diagonal() *= 1 + lambda;
            const Eigen::Vector2d step = damped.ldlt().solve(-gradient);
            const double nextA = a + step(0), nextB = b + step(1);
            if (nextA > 0 && nextB > 0) {
                const double nextError = squaredError(samples, nextA, nextB);
                if (nextError <= error) {
                    improved = error - nextError > 1e-15 * (1 + error);
                    a = nextA;
                    b = nextB;
                    error = nextError;
                    lambda = std::max(lambda / 10, 1e-12);
                    break;
                }
            }
            lambda *= 10;
        }
        if (!improved)
            break;
    }
    return {a, b};
}

} // namespace lantern::core
