#include "core/analysis/pca.h"

#include <Eigen/Dense>
#include <algorithm>
#include <random>

namespace lantern::core {
namespace {

using Matrix = Eigen::MatrixXd;

// Above this many columns the covariance (columns²) and its full decomposition get costly.
constexpr std::size_t kExactColumnLimit = 2000;

// Top-k eigenvectors (columns of the result, largest first) and eigenvalues of X^T X.
std::pair<Matrix, Eigen::VectorXd> topEigenExact(const Matrix& centered, std::size_t k)
{
    // Only the lower half: the product is symmetric, and this halves its cost.
    Matrix gram = Matrix::Zero(centered.cols(), centered.cols());
    gram.selfadjointView<Eigen::Lower>().rankUpdate(centered.transpose());
    Eigen::SelfAdjointEigenSolver<Matrix> solver(gram);
    const auto count = Eigen::Index(k);
    // Eigen sorts ascending: the last columns are the largest.
    Matrix vectors = solver.eigenvectors().rightCols(count).rowwise().reverse();
    Eigen::VectorXd values = solver.eigenvalues().tail(count).reverse();
    return {vectors, values};
}

std::pair<Matrix, Eigen::VectorXd> topEigenRandomized(const Matrix& centered, std::size_t k)
{
    constexpr int kOversampling = 10;
    constexpr int kPowerIterations = 6;
    const Eigen::Index width
        = std::min<Eigen::Index>(Eigen::Index(k) + kOversampling, centered.cols());
    std::mt19937 random(12345);
    std::normal_distribution<double> normal;
    Matrix basis(centered.cols(), width);
    for (Eigen::Index i = 0; i < basis.size(); ++i)
        basis.data()[i] = normal(random);
    for (int iteration = 0; iteration < kPowerIterations; ++iteration) {
        const Matrix image = centered.transpose() * (centered * basis);
        basis = Eigen::HouseholderQR<Matrix>(image).householderQ()
            * Matrix::Identity(image.rows(), width);
    }
    const Matrix projected = centered * basis;
    Eigen::SelfAdjointEigenSolver<Matrix> solver(projected.transpose() * projected);
    const auto count = Eigen::Index(k);
    Matrix vectors = basis * solver.eigenvectors().rightCols(count).rowwise().reverse();
    Eigen::VectorXd values = solver.eigenvalues().tail(count).reverse();
    return {vectors, values};
}

} // namespace

PcaResult principalComponents(
    std::span<const float> values, std::size_t rows, std::size_t columns, std::size_t k)
{
    PcaResult result;
    result.rows = rows;
    k = std::min({k, columns, rows});
    if (k == 0 || values.size() < rows * columns)
        return result;

    Matrix centered
        = Eigen::Map<const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
            values.data(), Eigen::Index(rows), Eigen::Index(columns))
              .cast<double>();
    centered.rowwise() -= centered.colwise().mean();
    const double totalVariance = centered.squaredNorm();

    auto [vectors, eigenvalues] = columns <= kExactColumnLimit ? topEigenExact(centered, k)
                                                               : topEigenRandomized(centered, k);
    for (Eigen::Index c = 0; c < vectors.cols(); ++c) {
        Eigen::Index largest = 0;
        vectors.col(c).cwiseAbs().maxCoeff(&largest);
        if (vectors(largest, c) < 0)
            vectors.col(c) = -vectors.col(c);
    }
    const Matrix projected = centered * vectors;

    result.components = k;
    result.coordinates.resize(rows * k);
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < k; ++c)
            result.coordinates[r * k + c] = float(projected(Eigen::Index(r), Eigen::Index(c)));
    for (std::size_t c = 0; c < k; ++c)
        result.varianceRatio.push_back(
            totalVariance > 0 ? std::max(0.0, eigenvalues(Eigen::Index(c))) / totalVariance : 0.0);
    return result;
}

} // namespace lantern::core
