#include "core/analysis/umap_spectral.h"

#include "core/analysis/umap_pieces.h"

#include <Eigen/Dense>
#include <Eigen/SparseCore>
#include <algorithm>
#include <cmath>
#include <random>

namespace lantern::core {
namespace {

using Matrix = Eigen::MatrixXd;
using Vector = Eigen::VectorXd;
using Sparse = Eigen::SparseMatrix<double, Eigen::RowMajor, std::int64_t>;

// A start needs the eigenvectors roughly, not exactly: the reference implementation asks its
// eigensolver for 1e-4 too. On 10 clusters of 10,000 points the eigenvalues settle within about
// 100 steps; the residuals then only wander near 1e-5.
constexpr int kMaxIterations = 150;
constexpr double kResidualTolerance = 1e-4;

// D^(−1/2) W D^(−1/2): its largest eigenvalues are the Laplacian's smallest, and the largest,
// 1, belongs to the trivial vector D^(1/2)·1.
Sparse normalisedAdjacency(const FuzzyGraph& graph, Vector& trivial)
{
    const auto n = Eigen::Index(graph.rows);
    Vector degree = Vector::Zero(n);
    for (std::size_t e = 0; e < graph.heads.size(); ++e)
        degree(graph.heads[e]) += graph.weights[e];
    std::vector<Eigen::Triplet<double, std::int64_t>> triplets;
    triplets.reserve(graph.heads.size());
    for (std::size_t e = 0; e < graph.heads.size(); ++e) {
        const auto h = graph.heads[e], t = graph.tails[e];
        triplets.emplace_back(h, t, graph.weights[e] / std::sqrt(degree(h) * degree(t)));
    }
    Sparse matrix(n, n);
    matrix.setFromTriplets(triplets.begin(), triplets.end());
    trivial = degree.cwiseSqrt();
    trivial.normalize();
    return matrix;
}

// Orthonormal columns spanning `basis` with the trivial vector projected out, dropping
// directions that are (numerically) dependent: SVQB (Stathopoulos & Wu 2002), twice for
// accuracy.
Matrix orthonormalised(Matrix basis, const Vector& trivial)
{
    for (int pass = 0; pass < 2; ++pass) {
        basis -= trivial * (trivial.transpose() * basis);
        Vector scale = basis.colwise().norm().transpose();
        for (Eigen::Index c = 0; c < scale.size(); ++c)
            scale(c) = scale(c) > 0 ? 1 / scale(c) : 0;
        const Matrix scaled = basis * scale.asDiagonal();
        Eigen::SelfAdjointEigenSolver<Matrix> gram(scaled.transpose() * scaled);
        const Vector& values = gram.eigenvalues();
        const double largest = values.maxCoeff();
        std::vector<Eigen::Index> kept;
        for (Eigen::Index c = 0; c < values.size(); ++c)
            if (values(c) > largest * 1e-12 && values(c) > 0)
                kept.push_back(c);
        Matrix transform(scaled.cols(), Eigen::Index(kept.size()));
        for (std::size_t i = 0; i < kept.size(); ++i)
            transform.col(Eigen::Index(i))
                = gram.eigenvectors().col(kept[i]) / std::sqrt(values(kept[i]));
        basis = scaled * transform;
    }
    return basis;
}

} // namespace

SpectralLayout spectralLayout(const FuzzyGraph& graph, std::size_t dimensions, std::uint64_t seed,
    const std::function<bool()>& cancelled)
{
    const std::size_t n = graph.rows;
    // The block is one wider than needed: the extra vector speeds convergence of the last
    // wanted one (its gap to the next eigenvalue is what LOBPCG's rate depends on).
    const auto block = Eigen::Index(dimensions + 1);
    if (n < dimensions + 2)
        return {{}, "too few points for a spectral layout"};
    if (const std::size_t pieces = graphPieces(graph).count; pieces > 1)
        return {
            {}, "the neighbour graph falls into " + std::to_string(pieces) + " disconnected parts"};

    Vector trivial;
    const Sparse adjacency = normalisedAdjacency(graph, trivial);
    std::mt19937_64 random(seed);
    std::normal_distribution<double> normal;
    Matrix start(Eigen::Index(n), block);
    for (Eigen::Index i = 0; i < start.size(); ++i)
        start.data()[i] = normal(random);

    // LOBPCG maximising the Rayleigh quotient of the normalised adjacency over vectors
    // orthogonal to the trivial one: each step does Rayleigh–Ritz on the span of the current
    // vectors X, their residuals R and the previous step P.
    Matrix x = orthonormalised(start, trivial);
    if (x.cols() < block)
        return {{}, "the starting vectors were dependent"};
    Matrix ax = adjacency * x;
    {
        Eigen::SelfAdjointEigenSolver<Matrix> small(x.transpose() * ax);
        const Matrix turn = small.eigenvectors().rowwise().reverse();
        x = x * turn;
        ax = ax * turn;
    }
    Matrix p;
    for (int iteration = 0; iteration < kMaxIterations; ++iteration) {
        if (cancelled && cancelled())
            return {{}, "cancelled"};
        const Vector theta = (x.transpose() * ax).diagonal();
        const Matrix residual = ax - x * theta.asDiagonal();
        const Vector residualNorms = residual.colwise().norm().transpose();
        if (residualNorms.head(Eigen::Index(dimensions)).maxCoeff() < kResidualTolerance)
            break;
        Matrix basis(Eigen::Index(n), x.cols() + residual.cols() + p.cols());
        basis << x, residual, p;
        basis = orthonormalised(std::move(basis), trivial);
        if (basis.cols() < block)
            break; // nothing new to search: the current vectors are as good as it gets
        const Matrix aBasis = adjacency * basis;
        Matrix projected = basis.transpose() * aBasis;
        projected = (projected + projected.transpose()) / 2;
        Eigen::SelfAdjointEigenSolver<Matrix> small(projected);
        // Eigen sorts ascending: the largest come last.
        const Matrix ritz = small.eigenvectors().rightCols(block).rowwise().reverse();
        Matrix next = basis * ritz;
        ax = aBasis * ritz;
        p = next - x * (x.transpose() * next);
        x = std::move(next);
    }
    if (!x.allFinite())
        return {{}, "the eigenvector iteration did not produce finite values"};

    // Each wanted axis scaled to [0, 10] as UMAP's optimiser expects, with a sign that puts
    // the largest entry on the positive side so that the layout does not depend on the
    // eigen solver's arbitrary sign.
    SpectralLayout layout;
    layout.coordinates.resize(n * dimensions);
    for (std::size_t d = 0; d < dimensions; ++d) {
        Vector axis = x.col(Eigen::Index(d));
        Eigen::Index largest = 0;
        axis.cwiseAbs().maxCoeff(&largest);
        if (axis(largest) < 0)
            axis = -axis;
        const double low = axis.minCoeff(), high = axis.maxCoeff();
        const double scale = high > low ? 10 / (high - low) : 0;
        for (std::size_t r = 0; r < n; ++r)
            layout.coordinates[r * dimensions + d] = float((axis(Eigen::Index(r)) - low) * scale);
    }
    return layout;
}

} // namespace lantern::core
