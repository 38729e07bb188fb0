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

// The analysed rows as doubles, shifted to their centroid (and sphereized when asked).
Matrix centeredRows(std::span<const float> values, std::size_t columns,
    std::span<const std::size_t> rows, std::size_t allRows, bool sphereize)
{
    using RowMajor = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    const Eigen::Map<const RowMajor> all(
        values.data(), Eigen::Index(allRows), Eigen::Index(columns));
    Matrix centered;
    if (rows.empty()) {
        centered = all.cast<double>();
    } else {
        centered.resize(Eigen::Index(rows.size()), Eigen::Index(columns));
        for (std::size_t i = 0; i < rows.size(); ++i)
            centered.row(Eigen::Index(i)) = all.row(Eigen::Index(rows[i])).cast<double>();
    }
    centered.rowwise() -= centered.colwise().mean();
    if (sphereize) {
        for (Eigen::Index r = 0; r < centered.rows(); ++r) {
            const double norm = centered.row(r).norm();
            if (norm > 0)
                centered.row(r) /= norm;
        }
        // Unit points are no longer centred; the components are directions about their mean.
        centered.rowwise() -= centered.colwise().mean();
    }
    return centered;
}

} // namespace

PcaResult principalComponents(std::span<const float> values, std::size_t rows, std::size_t columns,
    std::size_t k, const PcaOptions& options)
{
    PcaResult result;
    if (values.size() < rows * columns)
        return result;
    for (const std::size_t row : options.rowsSubset)
        if (row < rows)
            result.sourceRows.push_back(row);
    const bool subset = !options.rowsSubset.empty();
    result.rows = subset ? result.sourceRows.size() : rows;
    k = std::min({k, columns, result.rows});
    if (k == 0)
        return result;

    Matrix centered = centeredRows(values, columns, result.sourceRows, rows, options.sphereize);
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
    result.coordinates.resize(result.rows * k);
    for (std::size_t r = 0; r < result.rows; ++r)
        for (std::size_t c = 0; c < k; ++c)
            result.coordinates[r * k + c] = float(projected(Eigen::Index(r), Eigen::Index(c)));
    for (std::size_t c = 0; c < k; ++c)
        result.varianceRatio.push_back(
            totalVariance > 0 ? std::max(0.0, eigenvalues(Eigen::Index(c))) / totalVariance : 0.0);
    return result;
}

} // namespace lantern::core
