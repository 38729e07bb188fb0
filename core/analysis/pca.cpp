#include "core/analysis/pca.h"

#include "core/io/cancellation_poll.h"

#include <Eigen/Dense>
#include <algorithm>
#include <random>

namespace lantern::core {
namespace {

using Matrix = Eigen::MatrixXd;

// Above this many columns the covariance (columns²) and its full decomposition get costly.
constexpr std::size_t kExactColumnLimit = 2000;
// Work over all rows goes in blocks of rows of about this many values (a few milliseconds
// each), asking between them whether to go on. One block for smaller inputs, computed as a
// whole as before.
constexpr Eigen::Index kBlockValues = Eigen::Index(1) << 22;

// Rows in a block of work on `columns` × `factor` values a row; never so few that the work
// stops being matrix products.
Eigen::Index blockRows(Eigen::Index columns, Eigen::Index factor = 1)
{
    return std::max<Eigen::Index>(256, kBlockValues / std::max<Eigen::Index>(1, columns * factor));
}

// Top-k eigenvectors (columns of the result, largest first) and eigenvalues of X^T X; empty
// when cancelled.
std::pair<Matrix, Eigen::VectorXd> topEigenExact(
    const Matrix& centered, std::size_t k, CancellationPoll& poll)
{
    // Only the lower half: the product is symmetric, and this halves its cost.
    Matrix gram = Matrix::Zero(centered.cols(), centered.cols());
    const Eigen::Index block = blockRows(centered.cols(), centered.cols());
    for (Eigen::Index row = 0; row < centered.rows(); row += block) {
        if (poll.now())
            return {};
        const Eigen::Index rows = std::min(block, centered.rows() - row);
        gram.selfadjointView<Eigen::Lower>().rankUpdate(centered.middleRows(row, rows).transpose());
    }
    if (poll.now())
        return {};
    Eigen::SelfAdjointEigenSolver<Matrix> solver(gram);
    const auto count = Eigen::Index(k);
    // Eigen sorts ascending: the last columns are the largest.
    Matrix vectors = solver.eigenvectors().rightCols(count).rowwise().reverse();
    Eigen::VectorXd values = solver.eigenvalues().tail(count).reverse();
    return {vectors, values};
}

std::pair<Matrix, Eigen::VectorXd> topEigenRandomized(
    const Matrix& centered, std::size_t k, CancellationPoll& poll)
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
    const Eigen::Index block = blockRows(centered.cols(), width);
    for (int iteration = 0; iteration < kPowerIterations; ++iteration) {
        Matrix image = Matrix::Zero(centered.cols(), width);
        for (Eigen::Index row = 0; row < centered.rows(); row += block) {
            if (poll.now())
                return {};
            const auto rows = centered.middleRows(row, std::min(block, centered.rows() - row));
            image.noalias() += rows.transpose() * (rows * basis);
        }
        basis = Eigen::HouseholderQR<Matrix>(image).householderQ()
            * Matrix::Identity(image.rows(), width);
    }
    if (poll.now())
        return {};
    const Matrix projected = centered * basis;
    Eigen::SelfAdjointEigenSolver<Matrix> solver(projected.transpose() * projected);
    const auto count = Eigen::Index(k);
    Matrix vectors = basis * solver.eigenvectors().rightCols(count).rowwise().reverse();
    Eigen::VectorXd values = solver.eigenvalues().tail(count).reverse();
    return {vectors, values};
}

// The analysed rows as doubles, shifted to their centroid (and sphereized when asked); empty
// when cancelled.
Matrix centeredRows(std::span<const float> values, std::size_t columns,
    std::span<const std::size_t> rows, std::size_t allRows, bool sphereize, CancellationPoll& poll)
{
    using RowMajor = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    const Eigen::Map<const RowMajor> all(
        values.data(), Eigen::Index(allRows), Eigen::Index(columns));
    const Eigen::Index count = rows.empty() ? Eigen::Index(allRows) : Eigen::Index(rows.size());
    Matrix centered(count, Eigen::Index(columns));
    const Eigen::Index block = blockRows(Eigen::Index(columns));
    for (Eigen::Index row = 0; row < count; row += block) {
        if (poll.now())
            return {};
        const Eigen::Index end = std::min(count, row + block);
        if (rows.empty())
            centered.middleRows(row, end - row) = all.middleRows(row, end - row).cast<double>();
        else
            for (Eigen::Index i = row; i < end; ++i)
                centered.row(i) = all.row(Eigen::Index(rows[std::size_t(i)])).cast<double>();
    }
    centered.rowwise() -= centered.colwise().mean();
    if (sphereize) {
        for (Eigen::Index r = 0; r < centered.rows(); ++r) {
            if (poll.step())
                return {};
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

    CancellationPoll poll(options.cancelled, std::size_t(blockRows(Eigen::Index(columns))));
    const auto cancelled = [] {
        PcaResult none;
        none.cancelled = true;
        return none;
    };
    Matrix centered
        = centeredRows(values, columns, result.sourceRows, rows, options.sphereize, poll);
    if (poll.stopped())
        return cancelled();
    const double totalVariance = centered.squaredNorm();

    auto [vectors, eigenvalues] = columns <= kExactColumnLimit
        ? topEigenExact(centered, k, poll)
        : topEigenRandomized(centered, k, poll);
    if (poll.stopped())
        return cancelled();
    for (Eigen::Index c = 0; c < vectors.cols(); ++c) {
        Eigen::Index largest = 0;
        vectors.col(c).cwiseAbs().maxCoeff(&largest);
        if (vectors(largest, c) < 0)
            vectors.col(c) = -vectors.col(c);
    }
    result.components = k;
    result.coordinates.resize(result.rows * k);
    const Eigen::Index block = blockRows(Eigen::Index(columns), Eigen::Index(k));
    for (Eigen::Index row = 0; row < centered.rows(); row += block) {
        if (poll.now())
            return cancelled();
        const Eigen::Index count = std::min(block, centered.rows() - row);
        const Matrix projected = centered.middleRows(row, count) * vectors;
        for (Eigen::Index r = 0; r < count; ++r)
            for (std::size_t c = 0; c < k; ++c)
                result.coordinates[std::size_t(row + r) * k + c]
                    = float(projected(r, Eigen::Index(c)));
    }
    for (std::size_t c = 0; c < k; ++c)
        result.varianceRatio.push_back(
            totalVariance > 0 ? std::max(0.0, eigenvalues(Eigen::Index(c))) / totalVariance : 0.0);
    return result;
}

} // namespace lantern::core
